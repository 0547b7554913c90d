namespace ChatAssistant.Knowledge.Content;

/// <summary>A small-talk intent: phrases people say and the replies to pick from.</summary>
internal sealed record SmallTalkIntent(string Id, IReadOnlyList<string> Patterns, IReadOnlyList<string> Replies);
