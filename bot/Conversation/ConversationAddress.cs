using Microsoft.Bot.Schema;

namespace ChatAssistant.Conversation;

/// <summary>
/// Which conversation (and whose) a piece of work is about: what a turn's activity names, handed to domain services
/// instead of the turn, so that they need no Bot.Builder type.
/// </summary>
public sealed record ConversationAddress(string ChannelId, string ConversationId, string UserId)
{
    /// <summary>The conversation <paramref name="activity"/> is part of ("" for what it does not name).</summary>
    public static ConversationAddress Of(IActivity activity) =>
        new(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", activity.From?.Id ?? "");
}
