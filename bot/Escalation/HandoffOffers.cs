using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Security;

namespace ChatAssistant.Escalation;

/// <summary>
/// The person offered after a message the bot did not understand: the message is kept in the conversation state
/// sealed (<see cref="FieldCipher"/>, bound to this conversation: what a young person typed is not kept in clear in
/// the session store), and a short yes accepts.
/// </summary>
public sealed class HandoffOffers(FieldCipher cipher)
{
    public const string Field = "handoff.offer";

    // Beyond the yes words every 是/否 question takes: how people accept an offer of help.
    private static readonly HashSet<string> MoreYes = new(StringComparer.Ordinal)
    {
        "需要", "需要的", "要的", "要啊", "好啊", "好呀", "好吧", "好滴", "转吧", "麻烦了", "麻烦你了", "拜托了", "请转",
    };

    /// <summary>True when <paramref name="text"/> accepts: 好, 是, 要, 嗯, 可以, 需要, 转人工….</summary>
    public static bool Accepts(string text) =>
        Replies.IsYes(text) || MoreYes.Contains(Replies.Normalize(text)) || GlobalCommands.Parse(text) == GlobalCommand.Human;

    /// <summary>The message, sealed for the conversation.</summary>
    public string Seal(string channelId, string conversationId, string text) => cipher.Protect(text, Binding(channelId, conversationId));

    /// <summary>The message back, or null when it does not open for this conversation (another's, another key).</summary>
    public string? Open(string channelId, string conversationId, string offer) =>
        cipher.TryUnprotect(offer, Binding(channelId, conversationId), out var text) ? text : null;

    private static FieldBinding Binding(string channelId, string conversationId) => new(Field, $"conversation:{channelId}:{conversationId}");
}
