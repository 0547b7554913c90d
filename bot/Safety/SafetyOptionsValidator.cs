using Microsoft.Extensions.Options;

namespace ChatAssistant.Safety;

/// <summary>Checks <see cref="SafetyOptions"/> at start-up; messages name the setting.</summary>
internal sealed class SafetyOptionsValidator : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        var failures = new List<string>();
        if (options.CrisisDirectory is { Length: > 0 } dir && !File.Exists(Path.Combine(dir, Knowledge.Safety.CrisisLexiconLoader.FileName)))
            failures.Add($"Setting '{SafetyOptions.Section}:CrisisDirectory' must be a folder holding {Knowledge.Safety.CrisisLexiconLoader.FileName} ('{dir}' has none).");
        if (options.ReviewRetentionDays < 1)
            failures.Add($"Setting '{SafetyOptions.Section}:ReviewRetentionDays' must be at least 1.");
        if (options.RecheckEvery < TimeSpan.FromSeconds(1))
            failures.Add($"Setting '{SafetyOptions.Section}:RecheckEvery' must be at least 00:00:01.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
