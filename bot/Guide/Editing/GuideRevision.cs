using ChatAssistant.Knowledge;
using ChatAssistant.Storage;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// One version of a guide entry written in the staff console (collection / table <c>guide_revisions</c>): a draft, then
/// published by an admin (or discarded). The published revision of an entry that was published last is the one served,
/// over the content files; older ones are its history. Never deleted.
/// </summary>
public sealed class GuideRevision : IListedRecord
{
    public int Id { get; set; }

    public string EntryId { get; set; } = "";

    /// <summary>One of <see cref="GuideRevisionStatus"/>.</summary>
    public string Status { get; set; } = GuideRevisionStatus.Draft;

    /// <summary>This version takes the entry out of the guide.</summary>
    public bool Retired { get; set; }

    public string Title { get; set; } = "";

    public string Answer { get; set; } = "";

    public List<string> Questions { get; set; } = [];

    public List<string> Tags { get; set; } = [];

    public string Source { get; set; } = "";

    /// <summary>The content file the entry belongs to (an export writes it there); <c>console.yaml</c> for a new one.</summary>
    public string File { get; set; } = "";

    /// <summary>The published revision this draft was written from; 0 for the content file's version or a new entry.</summary>
    public int BasedOn { get; set; }

    public string Author { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Why, in a few words (「加入未解答问题的问法」); never personal.</summary>
    public string? Note { get; set; }

    /// <summary>The entry this version says.</summary>
    public GuideEntry ToEntry() => new(EntryId, Title, Questions, Answer, Tags, Source, File);

    /// <summary>A draft holding <paramref name="entry"/>'s fields.</summary>
    public static GuideRevision DraftOf(GuideEntry entry, int basedOn) => new()
    {
        EntryId = entry.Id,
        Title = entry.Title,
        Answer = entry.Answer,
        Questions = [.. entry.Questions],
        Tags = [.. entry.Tags],
        Source = entry.Source,
        File = entry.File,
        BasedOn = basedOn,
    };
}
