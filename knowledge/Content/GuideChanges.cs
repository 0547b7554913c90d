namespace ChatAssistant.Knowledge.Content;

/// <summary>
/// Entries changed in the staff console and published, kept in the records database: each replaces the file's entry
/// of its id or adds one, and <see cref="Retired"/> lists ids taken out of the guide. Applied over the content
/// directory before an account's overlay (so an account's own version of an entry still wins for its users).
/// </summary>
public sealed record GuideChanges(IReadOnlyList<GuideEntry> Entries, IReadOnlyCollection<string> Retired)
{
    /// <summary>Nothing changed: the files alone.</summary>
    public static GuideChanges None { get; } = new([], []);

    /// <summary>Where an entry written in the console says it came from, in errors and exports.</summary>
    public const string File = "console";
}
