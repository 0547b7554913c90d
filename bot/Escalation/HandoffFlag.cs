using ChatAssistant.Conversation;

namespace ChatAssistant.Escalation;

/// <summary>
/// Keeps <see cref="ConversationData.InHandoff"/> true to the escalation records. A session that expires
/// (<c>Redis:SessionTtl</c> idle, 30 minutes by default) during a hand-off loses the flag, and the user's next message
/// would go to the bot while their escalation waits in the queue: the open record puts it back, unless the user went
/// back to the bot with it open (「继续」, 「结束人工」 on a crisis) and no member has acted on it since. Checked once per
/// conversation state (<see cref="ConversationData.HandoffChecked"/>), so a conversation pays one look-up per session,
/// not one per message.
/// </summary>
public sealed class HandoffFlag(EscalationStore store, ILogger<HandoffFlag> log)
{
    public void Recheck(ConversationAddress conversation, ConversationData data)
    {
        if (data.InHandoff || data.HandoffChecked) return;
        data.HandoffChecked = true;
        var open = store.FindOpen(conversation.ChannelId, conversation.ConversationId);
        if (open is null || (open.UserLeftAt is { } left && !(open.LastStaffActionAt > left))) return;
        data.InHandoff = true;
        log.LogInformation("Conversation back in hand-off on open escalation {EscalationId} after its session expired", open.Id);
    }

    /// <summary>
    /// The conversation's open escalation; when there is none, the flag is stale (staff closed it but the flag could not
    /// be cleared then) and the record is the truth: the flag is cleared and the flows set aside come back.
    /// </summary>
    public EscalationRecord? OpenOrClear(ConversationAddress conversation, ConversationData data)
    {
        if (store.FindOpen(conversation.ChannelId, conversation.ConversationId) is { } record) return record;
        data.InHandoff = false;
        HandoffSelfService.Restore(data);
        return null;
    }
}
