using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

/// <summary>Top-level settings: the time zone every user-facing date is in.</summary>
public sealed class AssistantOptions
{
    /// <summary>IANA or Windows zone id; users' dates and times are read and shown in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The resolved zone (valid after validation).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>Where records live.</summary>
public sealed class StorageOptions
{
    /// <summary>Folder of the LiteDB file and other data. Relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How often the LiteDB log is folded into the data file.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The LiteDB file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "assistant.db");
}

/// <summary>
/// The reverse proxy in front of the server (nginx ending TLS for WeChat's 443): whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. A proxy on the same machine (loopback) always is; others are listed here.
/// Without it, every staff member behind the proxy shared one sign-in rate limit (the proxy's address) and the
/// console's cookie was not marked Secure (the request reached the server as plain HTTP).
/// </summary>
public sealed class ProxyOptions
{
    /// <summary>IP addresses of proxies on other machines, e.g. <c>Proxy:KnownProxies:0=10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(options.KnownProxies[i], out _))
                return ValidateOptionsResult.Fail($"Setting 'Proxy:KnownProxies:{i}' is not an IP address: '{options.KnownProxies[i]}'; give the proxy's address such as '10.0.0.5'.");
        }
        return ValidateOptionsResult.Success;
    }
}

internal sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TimeZone))
            return ValidateOptionsResult.Fail("Setting 'TimeZone' is empty; use an id such as 'Asia/Shanghai'.");
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return ValidateOptionsResult.Fail($"Setting 'TimeZone' has an unknown time zone '{options.TimeZone}'; use an id such as 'Asia/Shanghai'.");
        }
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            return ValidateOptionsResult.Fail("Setting 'Storage:DataDirectory' is empty; give a folder for the data file.");
        if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return ValidateOptionsResult.Fail($"Setting 'Storage:DataDirectory' is not a valid path: '{options.DataDirectory}'.");
        if (options.CheckpointInterval <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Setting 'Storage:CheckpointInterval' must be a positive time span such as '00:05:00'.");
        return ValidateOptionsResult.Success;
    }
}
