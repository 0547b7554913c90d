using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Escalation;

/// <summary>
/// Puts a conversation in hand-off mode during a user's turn (转人工, two misunderstandings, a crisis):
/// opens — or, when one is open, reuses — the escalation, sets <see cref="ConversationData.InHandoff"/>
/// and tells the user once that a person is coming and how long it may take.
/// </summary>
public sealed class HandoffService(
    EscalationStore store,
    EscalationEvents events,
    WaitNotice waitNotice,
    IEnumerable<IEscalationCountySource> counties,
    TimeProvider time,
    ILogger<HandoffService> log) : IHandoffService
{
    public async Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken, CrisisNotice? crisis = null)
    {
        var activity = turn.Activity;
        var channelId = activity.ChannelId ?? "";
        var userId = activity.From?.Id ?? "";
        var now = time.GetUtcNow();
        var urgent = reason == HandoffReason.Crisis;
        // Already with a person: the message is recorded by the forwarding, unless it is a crisis, which is recorded
        // here with the safety message that answered it, in the order the user saw them.
        var forwardedAnyway = data.InHandoff && crisis is null;
        var alreadyWithAPerson = data.InHandoff;
        var text = activity.Text?.Trim() ?? "";
        var candidate = new EscalationRecord
        {
            ChannelId = channelId,
            UserId = userId,
            ConversationId = activity.Conversation?.Id ?? userId,
            Reason = Map(reason),
            Urgent = urgent,
            CrisisCategory = crisis?.Category,
            CrisisSignal = crisis?.Signal,
            County = counties.Select(c => c.CountyOf(channelId, userId, data)).FirstOrDefault(c => c is not null),
            Status = EscalationStatus.Waiting,
            CreatedAt = now,
        };
        // Opened (or found), the message that led here and the wait notice are saved as one transaction.
        var (record, created, notice) = store.Together(() =>
        {
            var (opened, isNew) = store.Open(candidate);
            // The message that led here is context for staff; "转人工" itself says nothing.
            if (!forwardedAnyway && text.Length > 0 && GlobalCommands.Parse(text) != GlobalCommand.Human)
            {
                store.Add(new EscalationEntry { EscalationId = opened.Id, Kind = EntryKind.User, At = now, Text = text });
                store.Change(opened.Id, r => { r.LastUserMessageAt = now; return null; });
            }
            if (crisis is not null)
            {
                store.Add(new EscalationEntry { EscalationId = opened.Id, Kind = EntryKind.Bot, At = now, Text = crisis.Reply, Delivered = true });
                // A hand-off that was waiting for another reason becomes a crisis: urgent, and staff see why.
                if (!isNew)
                    store.Change(opened.Id, r =>
                    {
                        r.Urgent = true;
                        r.Reason = EscalationReason.Crisis;
                        r.CrisisCategory = crisis.Category;
                        r.CrisisSignal = crisis.Signal;
                        return null;
                    });
            }
            if (!isNew) return (opened, false, (string?)null);
            var wait = waitNotice.For(store.WaitingAhead(opened));
            store.Add(new EscalationEntry { EscalationId = opened.Id, Kind = EntryKind.Bot, At = now, Text = wait, Delivered = true });
            return (opened, true, wait);
        });
        data.InHandoff = true;

        if (notice is not null)
        {
            log.LogInformation("Escalation {EscalationId} opened ({Reason}, urgent {Urgent}, county known {CountyKnown})", record.Id, reason, urgent, record.County is not null);
            await turn.SendActivityAsync(MessageFactory.Text(notice), cancellationToken);
        }
        else if (reason == HandoffReason.UserAsked || !alreadyWithAPerson)
        {
            // Back to a person on an escalation that is still open (after 「继续」, or misunderstood again):
            // the bot goes quiet from here, so the user must be told, or they would just see silence.
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.AlreadyWaiting), cancellationToken);
        }
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, created ? "opened" : "message"));
    }

    public async Task<bool> HoldAsync(ITurnContext turn, ConversationData data, CancellationToken cancellationToken)
    {
        if (!data.InHandoff) return false;
        if (store.FindOpen(turn.Activity.ChannelId ?? "", turn.Activity.Conversation?.Id ?? "") is null)
        {
            // Staff closed it but the flag could not be cleared then: the record is the truth.
            data.InHandoff = false;
            return false;
        }
        // A flow started now would take the user's next messages away from staff: say where they are instead.
        await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.AlreadyWaiting), cancellationToken);
        return true;
    }

    private static EscalationReason Map(HandoffReason reason) => reason switch
    {
        HandoffReason.NotUnderstood => EscalationReason.NotUnderstood,
        HandoffReason.Crisis => EscalationReason.Crisis,
        _ => EscalationReason.UserAsked,
    };
}
