using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>Settings of help requests (section "Disputes").</summary>
public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    // Disputes:EncryptionKey is bound separately (Security/FieldKeyOptions) so that reading these settings does not
    // validate the key: only the host start and the first encryption do.

    /// <summary>Staff should acknowledge a new request within this time.</summary>
    public TimeSpan AcknowledgeWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Staff should resolve (answer) a request within this time.</summary>
    public TimeSpan ResolveWithin { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Days after a request is resolved or closed when its personal fields are deleted.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often the retention job looks for expired requests.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Counties and districts users pick from; they are also the scopes of district staff.</summary>
    public string[]? Counties { get; set; }

    /// <summary>Jinhua's counties (the 亲青老娘舅 studios of the seed article) and a catch-all.</summary>
    public static readonly string[] DefaultCounties =
        ["婺城区", "金东区", "兰溪市", "东阳市", "义乌市", "永康市", "浦江县", "武义县", "磐安县", "其他地区"];

    /// <summary>The configured counties, or the defaults (a bound array would be appended to, not replaced).</summary>
    public IReadOnlyList<string> CountyList => Counties is { Length: > 0 } ? Counties : DefaultCounties;
}

/// <summary>Checks the settings of <see cref="DisputeOptions"/> (the key has its own validator).</summary>
internal sealed class DisputeOptionsValidator : IValidateOptions<DisputeOptions>
{
    public ValidateOptionsResult Validate(string? name, DisputeOptions options)
    {
        var failures = new List<string>();
        if (options.AcknowledgeWithin <= TimeSpan.Zero)
            failures.Add($"Setting '{DisputeOptions.Section}:AcknowledgeWithin' must be a positive time span such as '1.00:00:00'.");
        if (options.ResolveWithin <= TimeSpan.Zero)
            failures.Add($"Setting '{DisputeOptions.Section}:ResolveWithin' must be a positive time span such as '7.00:00:00'.");
        if (options.RetentionDays < 1)
            failures.Add($"Setting '{DisputeOptions.Section}:RetentionDays' must be at least 1.");
        if (options.RetentionSweepInterval <= TimeSpan.Zero)
            failures.Add($"Setting '{DisputeOptions.Section}:RetentionSweepInterval' must be a positive time span such as '06:00:00'.");
        if (options.CountyList.Any(string.IsNullOrWhiteSpace))
            failures.Add($"Setting '{DisputeOptions.Section}:Counties' has an empty entry.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
