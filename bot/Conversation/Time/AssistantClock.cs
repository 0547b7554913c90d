using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Conversation.Time;

/// <summary>
/// "Now" and conversions in the assistant's zone (Beijing time by default), whatever the server's zone.
/// Every date a user sees or types goes through this clock.
/// </summary>
public sealed class AssistantClock(TimeProvider time, IOptions<AssistantOptions> options)
{
    /// <summary>The zone users live in.</summary>
    public TimeZoneInfo Zone { get; } = options.Value.Zone;

    /// <summary>The underlying time source.</summary>
    public TimeProvider Time => time;

    /// <summary>Now, with the zone's offset (e.g. +08:00).</summary>
    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    /// <summary>Today's date in the zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>Converts an instant to the zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Interprets a wall-clock time (as a user typed it) as a time in the zone.</summary>
    public DateTimeOffset FromWallClock(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>
    /// Formats a time the way users read it: "12月3日(周四) 14:00", with the year in front when it is not this
    /// year ("2027年1月5日(周二) 14:00"), so a date read as next year's never passes for this year's.
    /// </summary>
    public string Format(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var year = local.Year == Now.Year ? "" : $"{local.Year}年";
        return $"{year}{local.Month}月{local.Day}日({WeekdayName(local.DayOfWeek)}) {local:HH:mm}";
    }

    /// <summary>周一 … 周日.</summary>
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };
}
