using Microsoft.Bot.Schema;

namespace ChatAssistant.Conversation;

/// <summary>
/// The name of a conversation's turn lock, <c>turn:{channel}:{conversation}</c>: what every turn of the conversation
/// takes (<see cref="TurnLockMiddleware"/>), and what anyone changing the conversation's state outside a turn takes
/// first so that no turn overwrites it.
/// </summary>
public static class TurnLockKey
{
    /// <summary>The lock of the conversation <paramref name="conversationId"/> on <paramref name="channelId"/>.</summary>
    public static string For(string channelId, string conversationId) => $"turn:{channelId}:{conversationId}";

    /// <summary>The lock of <paramref name="activity"/>'s conversation; null when it names none.</summary>
    public static string? For(IActivity activity) =>
        activity.Conversation?.Id is { Length: > 0 } conversationId ? For(activity.ChannelId, conversationId) : null;
}
