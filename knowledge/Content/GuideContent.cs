namespace ChatAssistant.Knowledge.Content;

/// <summary>Everything loaded from a content directory, validated.</summary>
internal sealed record GuideContent(
    IReadOnlyList<GuideEntry> Entries,
    IReadOnlyList<SmallTalkIntent> SmallTalk,
    IReadOnlyList<IReadOnlyList<string>> Synonyms);
