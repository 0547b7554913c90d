namespace ChatAssistant.Knowledge.Content;

/// <summary>Everything loaded from a content directory, validated.</summary>
internal sealed record GuideContent(
    IReadOnlyList<GuideEntry> Entries,
    IReadOnlyList<SmallTalkIntent> SmallTalk,
    IReadOnlyList<IReadOnlyList<string>> Synonyms);

/// <summary>A small-talk intent: phrases people say and the replies to pick from.</summary>
internal sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Patterns, IReadOnlyList<string> Replies);
