namespace ChatAssistant.Guide.Unanswered;

/// <summary>
/// Questions worded alike, as the console's 「未解答问题」 tab lists them: the newest wording, how often and how
/// (by kind), when last, the ids to attach or dismiss together, and the guide's closest entries.
/// </summary>
public sealed record UnansweredGroup(
    string Text,
    int Count,
    IReadOnlyDictionary<string, int> Kinds,
    DateTimeOffset LastAt,
    IReadOnlyList<int> Ids,
    IReadOnlyList<string> Channels,
    IReadOnlyList<EntryRef> Closest);
