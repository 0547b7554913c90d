using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Escalation;

/// <summary>
/// Puts a conversation in hand-off mode during a user's turn (转人工, a yes to the person offered after a message the
/// bot did not understand, a crisis): opens — or, when one is open, reuses — the escalation, sets
/// <see cref="ConversationData.InHandoff"/> and tells the user once that a person is coming and how long it may take.
/// Meanwhile self-service keeps working (<see cref="HandoffSelfService"/>) and a message left to staff gets
/// <see cref="WaitAnswer"/>'s answer.
/// </summary>
public sealed class HandoffService(
    EscalationStore store,
    EscalationEvents events,
    WaitNotice waitNotice,
    HandoffOffers offers,
    HandoffSelfService selfService,
    HandoffFlag flag,
    WaitAnswer waitAnswer,
    IEnumerable<IEscalationCountySource> counties,
    TimeProvider time,
    ILogger<HandoffService> log) : IHandoffService
{
    public Task RequestAsync(ITurnContext turn, ConversationData data, HandoffReason reason, CancellationToken cancellationToken, CrisisNotice? crisis = null) =>
        OpenAsync(turn, data, reason, context: null, crisis, cancellationToken);

    public void Offer(ITurnContext turn, ConversationData data, string text) =>
        data.HandoffOffer = offers.Seal(turn.Activity.ChannelId ?? "", ConversationOf(turn), text);

    public async Task<bool> TryAcceptOfferAsync(ITurnContext turn, ConversationData data, string offer, string text, CancellationToken cancellationToken)
    {
        if (!HandoffOffers.Accepts(text)) return false;
        // The message the bot did not understand is what staff need, not the 「好」 that accepted.
        var context = offers.Open(turn.Activity.ChannelId ?? "", ConversationOf(turn), offer);
        await OpenAsync(turn, data, HandoffReason.NotUnderstood, context ?? "", crisis: null, cancellationToken);
        return true;
    }

    public Task SelfServiceAsync(ITurnContext turn, ConversationData data, string what, CancellationToken cancellationToken)
    {
        flag.Recheck(turn, data);
        if (!data.InHandoff) return Task.CompletedTask;
        if (store.FindOpen(turn.Activity.ChannelId ?? "", ConversationOf(turn)) is not { } record)
        {
            // Staff closed it but the flag could not be cleared then: the record is the truth.
            data.InHandoff = false;
            HandoffSelfService.Restore(data);
            return Task.CompletedTask;
        }
        selfService.Note(record, data, EscalationTexts.MenuTapLine(what), time.GetUtcNow());
        return Task.CompletedTask;
    }

    public async Task LeftToStaffAsync(ITurnContext turn, ConversationData data, string text, CancellationToken cancellationToken)
    {
        if (store.FindOpen(turn.Activity.ChannelId ?? "", ConversationOf(turn)) is not { } record) return;
        var now = time.GetUtcNow();
        store.Together(() =>
        {
            store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = text });
            store.Change(record.Id, r => { r.LastUserMessageAt = now; return null; });
        });
        await waitAnswer.AnswerAsync(turn, record, now, cancellationToken);
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
    }

    // context: the message that led here when it is not this turn's (an accepted offer); "" when it cannot be read.
    private async Task OpenAsync(ITurnContext turn, ConversationData data, HandoffReason reason, string? context, CrisisNotice? crisis, CancellationToken cancellationToken)
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
        var text = context ?? activity.Text?.Trim() ?? "";
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
            // Outside office hours this notice says when and what to do meanwhile: it counts as the hour's notice.
            if (!waitNotice.InOfficeHours()) store.Change(opened.Id, r => { r.LastWaitNoticeAt = now; return null; });
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
            // Back to a person on an escalation that is still open (after 「继续」, or an accepted offer):
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

    private static string ConversationOf(ITurnContext turn) => turn.Activity.Conversation?.Id ?? "";
}
