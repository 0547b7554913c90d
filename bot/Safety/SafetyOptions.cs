namespace ChatAssistant.Safety;

/// <summary>Settings of the crisis check (section "Safety").</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>
    /// The folder holding crisis-lexicon.yaml (staff edit it; re-read within a minute of a change). Default: the
    /// repository's knowledge/crisis, or its copy next to the program. When the file is missing or broken the lexicon
    /// shipped inside the program is used, so the check never switches off.
    /// </summary>
    public string? CrisisDirectory { get; set; }

    /// <summary>Days the staff's crisis reviews (false alarms and misses, with the message) are kept.</summary>
    public int ReviewRetentionDays { get; set; } = 365;

    /// <summary>How often the lexicon file is looked at for changes.</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(30);
}
