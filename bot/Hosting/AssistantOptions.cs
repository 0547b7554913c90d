
namespace ChatAssistant.Hosting;

/// <summary>Top-level settings: the time zone every user-facing date is in.</summary>
public sealed class AssistantOptions
{
    /// <summary>The settings are top-level (<c>TimeZone</c>).</summary>
    public const string Section = "";

    /// <summary>IANA or Windows zone id; users' dates and times are read and shown in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The resolved zone (valid after validation).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
