using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>
/// The guide's settings as they stand: a content folder that is there, menu entries that are ids. Whether the guide
/// has each menu entry needs its content and is checked when it is loaded (<see cref="GuideWarmup"/>).
/// </summary>
internal sealed class GuideOptionsValidator : IValidateOptions<GuideOptions>
{
    public ValidateOptionsResult Validate(string? name, GuideOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ContentDirectory) && !Directory.Exists(Path.GetFullPath(options.ContentDirectory)))
            failures.Add($"Setting '{GuideOptions.Section}:ContentDirectory' names '{options.ContentDirectory}', which is not a folder; give the folder of the guide's YAML files.");
        for (var i = 0; i < options.MenuEntries.Count; i++)
            if (string.IsNullOrWhiteSpace(options.MenuEntries[i]))
                failures.Add($"Setting '{GuideOptions.Section}:MenuEntries:{i}' is empty; give an entry id from GET /api/staff/guide/entries.");
        if (options.PublishedCheckInterval <= TimeSpan.Zero)
            failures.Add($"Setting '{GuideOptions.Section}:PublishedCheckInterval' must be a positive time (e.g. 00:00:30): how often an instance looks for a guide change published elsewhere.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
