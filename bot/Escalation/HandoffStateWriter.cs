using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Escalation;

/// <summary>
/// Sets <see cref="ConversationData.InHandoff"/> from outside a turn (staff pick a conversation up or close it).
/// It loads and saves the user's ConversationState through Bot.Builder itself — same storage key, same
/// serialisation — inside the per-conversation lock that <see cref="TurnLockMiddleware"/> takes, so a turn
/// of that user cannot overwrite the change. Never call it from inside that user's turn (it would wait for itself).
/// </summary>
public sealed class HandoffStateWriter(ConversationState conversationState, IDistributedLock locks, ILogger<HandoffStateWriter> log)
{
    /// <summary>Sets the flag; says whether it changed, was already so, or could not be written (the user's turn held the lock too long).</summary>
    public async Task<HandoffFlagWrite> SetAsync(EscalationRecord record, bool inHandoff, CancellationToken cancellationToken)
    {
        var resource = $"turn:{record.ChannelId}:{record.ConversationId}";
        await using var handle = await locks.TryAcquireAsync(resource, TurnLockMiddleware.LockTtl, TurnLockMiddleware.MaxWait, cancellationToken);
        if (handle is null)
        {
            // The next turn repairs it: the interceptor trusts the escalation record over the flag.
            log.LogWarning("Could not lock conversation of escalation {EscalationId} to set hand-off {InHandoff}", record.Id, inHandoff);
            return HandoffFlagWrite.NotWritten;
        }
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = record.ChannelId,
            Conversation = new ConversationAccount(id: record.ConversationId),
            From = new ChannelAccount(record.UserId),
            Recipient = new ChannelAccount("bot"),
        };
        using var turn = new TurnContext(new StateOnlyAdapter(), activity);
        await conversationState.LoadAsync(turn, force: true, cancellationToken);
        var accessor = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
        var data = await accessor.GetAsync(turn, () => new ConversationData(), cancellationToken);
        if (data.InHandoff == inHandoff) return HandoffFlagWrite.AlreadySo;
        data.InHandoff = inHandoff;
        await conversationState.SaveChangesAsync(turn, force: true, cancellationToken);
        return HandoffFlagWrite.Changed;
    }

    /// <summary>Carries a turn context for state access only; it never talks to a channel.</summary>
    private sealed class StateOnlyAdapter : BotAdapter
    {
        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
            throw new NotSupportedException("State-only turns send nothing; replies go through IUserMessenger.");

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}

/// <summary>What <see cref="HandoffStateWriter.SetAsync"/> did.</summary>
public enum HandoffFlagWrite
{
    Changed,
    AlreadySo,
    NotWritten,
}
