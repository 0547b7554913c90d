using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

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
        failures.AddRange(CountySettings.Problems(options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
