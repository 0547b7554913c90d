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
    public async Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var channelId = activity.ChannelId ?? "";
        var userId = activity.From?.Id ?? "";
        var now = time.GetUtcNow();
        var urgent = reason == HandoffReason.Crisis;
        // Already with a person: the crisis interceptor lets the message go on, and forwarding records it.
        var forwardedAnyway = data.InHandoff;
        var (record, created) = store.Open(new EscalationRecord
        {
            ChannelId = channelId,
            UserId = userId,
            ConversationId = activity.Conversation?.Id ?? userId,
            Reason = Map(reason),
            Urgent = urgent,
            County = counties.Select(c => c.CountyOf(channelId, userId, data)).FirstOrDefault(c => c is not null),
            Status = EscalationStatus.Waiting,
            CreatedAt = now,
        });
        data.InHandoff = true;

        var text = activity.Text?.Trim() ?? "";
        // The message that led here is context for staff; "转人工" itself says nothing.
        if (!forwardedAnyway && text.Length > 0 && GlobalCommands.Parse(text) != GlobalCommand.Human)
        {
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
            store.Change(record.Id, r => { r.LastUserMessageAt = now; return null; });
        }
        if (!created && urgent && !record.Urgent)
            store.Change(record.Id, r => { r.Urgent = true; return null; });

        if (created)
        {
            log.LogInformation("Escalation {EscalationId} opened ({Reason}, urgent {Urgent}, county known {CountyKnown})", record.Id, reason, urgent, record.County is not null);
            var notice = waitNotice.For(store.WaitingAhead(record));
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = now, Text = notice, Delivered = true });
            await turn.SendActivityAsync(MessageFactory.Text(notice), cancellationToken);
        }
        else if (reason == HandoffReason.UserAsked || !forwardedAnyway)
        {
            // Back to a person on an escalation that is still open (after 「继续」, or misunderstood again):
            // the bot goes quiet from here, so the user must be told, or they would just see silence.
            await turn.SendActivityAsync(MessageFactory.Text(EscalationTexts.AlreadyWaiting), cancellationToken);
        }
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, created ? "opened" : "message"));
    }

    private static EscalationReason Map(HandoffReason reason) => reason switch
    {
        HandoffReason.NotUnderstood => EscalationReason.NotUnderstood,
        HandoffReason.Crisis => EscalationReason.Crisis,
        _ => EscalationReason.UserAsked,
    };
}
