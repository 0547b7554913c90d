namespace ChatAssistant.Knowledge;

/// <summary>One question-and-answer entry of the volunteer guide, as staff wrote it.</summary>
public sealed record GuideEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    string Answer,
    IReadOnlyList<string> Tags,
    string Source,
    string File);
