using ChatAssistant.Conversation;

namespace ChatAssistant.Escalation;

/// <summary>
/// Sets <see cref="ConversationData.InHandoff"/> from outside a turn (staff pick a conversation up or close it), through
/// the conversation's state store (<see cref="ConversationStateStore"/>: under the turn lock, so a turn of that user
/// cannot overwrite the change). Never call it from inside that user's turn (it would wait for itself).
/// </summary>
public sealed class HandoffStateWriter(ConversationStateStore conversations, ILogger<HandoffStateWriter> log)
{
    /// <summary>Sets the flag; says whether it changed, was already so, or could not be written (the user's turn held the lock too long).</summary>
    public async Task<HandoffFlagWrite> SetAsync(EscalationRecord record, bool inHandoff, CancellationToken cancellationToken)
    {
        var changed = await conversations.ChangeAsync(record.ChannelId, record.ConversationId, data =>
        {
            if (data.InHandoff == inHandoff) return false;
            data.InHandoff = inHandoff;
            return true;
        }, cancellationToken);
        if (changed is { } written) return written ? HandoffFlagWrite.Changed : HandoffFlagWrite.AlreadySo;
        // The next turn repairs it: the interceptor trusts the escalation record over the flag.
        log.LogWarning("Could not lock conversation of escalation {EscalationId} to set hand-off {InHandoff}", record.Id, inHandoff);
        return HandoffFlagWrite.NotWritten;
    }
}
