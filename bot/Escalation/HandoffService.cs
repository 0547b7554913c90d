using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;

namespace ChatAssistant.Escalation;

/// <summary>
/// Puts a conversation in hand-off mode (转人工, a yes to the person offered after a message the bot did not
/// understand, a crisis): opens — or, when one is open, reuses — the escalation, sets
/// <see cref="ConversationData.InHandoff"/> and tells the user once that a person is coming and how long it may take.
/// Meanwhile self-service keeps working (<see cref="HandoffSelfService"/>) and a message left to staff gets
/// <see cref="WaitAnswer"/>'s answer. Works on a <see cref="ConversationAddress"/> and the conversation's state and
/// returns what to tell the user; <see cref="HandoffTurns"/> is what a turn calls.
/// </summary>
public sealed class HandoffService(
    EscalationStore store,
    EscalationEvents events,
    WaitNotice waitNotice,
    HandoffOffers offers,
    HandoffSelfService selfService,
    HandoffFlag flag,
    WaitAnswer waitAnswer,
    OnCall.OnCallRota onCall,
    IEnumerable<IEscalationCountySource> counties,
    TimeProvider time,
    ILogger<HandoffService> log)
{
    // The first source that knows the county decides; a running conversation's answer comes before the records.
    private readonly IReadOnlyList<IEscalationCountySource> _counties = counties.OrderBy(c => c.Order).ToList();

    /// <summary>
    /// Opens (or reuses) the hand-off for the message <paramref name="text"/>. For a crisis, <paramref name="crisis"/>
    /// says why (shown to staff, never to the user) and what the user was told, which goes into the transcript staff
    /// read. Returns what to tell the user, or null.
    /// </summary>
    public string? Request(ConversationAddress who, ConversationData data, HandoffReason reason, string text, CrisisNotice? crisis = null) =>
        Open(who, data, reason, text, crisis);

    /// <summary>Remembers, sealed, that the answer to <paramref name="text"/> did not understand it and offered a person.</summary>
    public void Offer(ConversationAddress who, ConversationData data, string text) =>
        data.HandoffOffer = offers.Seal(who.ChannelId, who.ConversationId, text);

    /// <summary>
    /// True when <paramref name="text"/> accepts the <paramref name="offer"/>: the conversation is handed over with the
    /// message the bot did not understand as context for staff, and <paramref name="reply"/> is what to tell the user.
    /// </summary>
    public bool TryAcceptOffer(ConversationAddress who, ConversationData data, string offer, string text, out string? reply)
    {
        reply = null;
        if (!HandoffOffers.Accepts(text)) return false;
        // The message the bot did not understand is what staff need, not the 「好」 that accepted.
        var context = offers.Open(who.ChannelId, who.ConversationId, offer);
        reply = Open(who, data, HandoffReason.NotUnderstood, context ?? "", crisis: null);
        return true;
    }

    /// <summary>
    /// Before a tap that starts something during a hand-off: notes it on the transcript as self-service and sets the
    /// running flows aside. Nothing happens when no hand-off is open (a stale flag is cleared).
    /// </summary>
    public void SelfService(ConversationAddress who, ConversationData data, string what)
    {
        flag.Recheck(who, data);
        if (!data.InHandoff || flag.OpenOrClear(who, data) is not { } record) return;
        selfService.Note(record, data, EscalationTexts.MenuTapLine(what), time.GetUtcNow());
    }

    /// <summary>
    /// A message during a hand-off that nothing else answered: puts it on the transcript and returns
    /// <see cref="WaitAnswer"/>'s answer (null: none, a person is expected soon).
    /// </summary>
    public string? LeftToStaff(ConversationAddress who, ConversationData data, string text) =>
        store.FindOpen(who.ChannelId, who.ConversationId) is { } record ? LeftToStaff(record, text, time.GetUtcNow()) : null;

    /// <summary>A message of <paramref name="record"/>'s user for staff: on the transcript, with the answer to say (or null).</summary>
    internal string? LeftToStaff(EscalationRecord record, string text, DateTimeOffset now)
    {
        store.AddUserLine(record.Id, text, now);
        var answer = waitAnswer.Answer(record, now);
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, "message"));
        return answer;
    }

    // text: the message that led here (this turn's, or for an accepted offer the one not understood; "" when it cannot be read).
    private string? Open(ConversationAddress who, ConversationData data, HandoffReason reason, string text, CrisisNotice? crisis)
    {
        var now = time.GetUtcNow();
        var urgent = reason == HandoffReason.Crisis;
        // Already with a person: the message is recorded by the forwarding, unless it is a crisis, which is recorded
        // here with the safety message that answered it, in the order the user saw them.
        var forwardedAnyway = data.InHandoff && crisis is null;
        var alreadyWithAPerson = data.InHandoff;
        var candidate = new EscalationRecord
        {
            ChannelId = who.ChannelId,
            UserId = who.UserId,
            ConversationId = who.ConversationId.Length > 0 ? who.ConversationId : who.UserId,
            Reason = Map(reason),
            Urgent = urgent,
            CrisisCategory = crisis?.Category,
            CrisisSignal = crisis?.Signal,
            County = _counties.Select(c => c.CountyOf(who.ChannelId, who.UserId, data)).FirstOrDefault(c => c is not null),
            Status = EscalationStatus.Waiting,
            CreatedAt = now,
        };
        // Opened (or found), the message that led here and the wait notice are saved as one transaction.
        var (record, created, notice) = store.Together(() =>
        {
            var (opened, isNew) = store.Open(candidate);
            // The message that led here is context for staff; "转人工" itself says nothing.
            if (!forwardedAnyway && text.Length > 0 && GlobalCommands.Parse(text) != GlobalCommand.Human)
                store.AddUserLine(opened.Id, text, now);
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
            // A crisis is not told to wait for office hours: someone on call is alerted now (OnCall/UrgentAlertChain),
            // or, with nobody on call, staff as soon as they can — and 12355 is there around the clock.
            var wait = urgent
                ? onCall.OnDuty(opened.County).Count > 0 ? EscalationTexts.ConnectedUrgentOnCall : EscalationTexts.ConnectedUrgentNobodyOnCall
                : waitNotice.For(store.WaitingAhead(opened));
            // Outside office hours this notice says when and what to do meanwhile: it counts as the hour's notice.
            if (urgent || !waitNotice.InOfficeHours()) store.Change(opened.Id, r => { r.LastWaitNoticeAt = now; return null; });
            store.Add(new EscalationEntry { EscalationId = opened.Id, Kind = EntryKind.Bot, At = now, Text = wait, Delivered = true });
            return (opened, true, wait);
        });
        data.InHandoff = true;
        events.Publish(new EscalationChange(record.Id.ToString(), record.County, created ? "opened" : "message"));

        if (notice is not null)
        {
            log.LogInformation("Escalation {EscalationId} opened ({Reason}, urgent {Urgent}, county known {CountyKnown})", record.Id, reason, urgent, record.County is not null);
            return notice;
        }
        // Back to a person on an escalation that is still open (after 「继续」, or an accepted offer): the bot goes
        // quiet from here, so the user must be told, or they would just see silence.
        return reason == HandoffReason.UserAsked || !alreadyWithAPerson ? EscalationTexts.AlreadyWaiting : null;
    }

    private static EscalationReason Map(HandoffReason reason) => reason switch
    {
        HandoffReason.NotUnderstood => EscalationReason.NotUnderstood,
        HandoffReason.Crisis => EscalationReason.Crisis,
        _ => EscalationReason.UserAsked,
    };
}
