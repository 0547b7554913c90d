using ChatAssistant.Adapters;
using ChatAssistant.Escalation;
using ChatAssistant.OnCall;
using ChatAssistant.Staff;
using ChatAssistant.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// The bot behind the WeCom app, for staff: 接手 on a card claims the conversation through the console's desk
/// (<see cref="EscalationDesk.ClaimAsync"/>), a text is the reply to the conversation the member took on the phone
/// (<see cref="EscalationDesk.ReplyAsync"/>: the user's channel, its 48-hour and quota rules, a refusal told back with the
/// reason), 「/结束」 ends it (<see cref="EscalationDesk.ResolveAsync"/>). Runs inside the WeChat-family intake, so its
/// callbacks are verified, deduped and answered like the Official Account's.
/// </summary>
public sealed class WeComStaffBot(
    IStaffWeComLinks links, StaffStore staff, EscalationStore escalations, EscalationDesk desk, EscalationScope scope,
    IEscalationAlertStore alerts, PhoneBridge bridge, Disputes.TicketService tickets, TicketPhoneAlerts ticketAlerts, ILogger<WeComStaffBot> log) : IBot
{
    /// <summary>What a member sends to end the hand-off (a crisis: followed by a note of what was done).</summary>
    public const string EndCommand = "/结束";

    /// <summary>How many recent lines a member sees after 接手.</summary>
    public const int RecentLines = 5;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event)) return;
        if (activity.Type == ActivityTypes.Event && activity.Name != ChannelEvents.CardButton) return;
        var member = links.ForWeComUser(activity.From.Id) is { } link ? staff.FindById(link.Id) : null;
        if (member is null || member.Disabled)
        {
            await SayAsync(turnContext, StaffPhoneTexts.NotLinked, cancellationToken);
            return;
        }
        if (activity.Type == ActivityTypes.Event && activity.Value is string ticketKey && ticketKey.StartsWith(PhoneCards.TicketPrefix, StringComparison.Ordinal))
            await AcknowledgeTicketAsync(turnContext, member, ticketKey[PhoneCards.TicketPrefix.Length..], cancellationToken);
        else if (activity.Type == ActivityTypes.Event)
            await ClaimAsync(turnContext, member, activity.Value as string ?? "", cancellationToken);
        else
            await MessageAsync(turnContext, member, activity, cancellationToken);
    }

    private async Task ClaimAsync(ITurnContext turn, StaffAccount member, string key, CancellationToken ct)
    {
        if (!key.StartsWith(PhoneCards.ClaimPrefix, StringComparison.Ordinal) || key[PhoneCards.ClaimPrefix.Length..] is not { } id
            || !RecordIds.IsWellFormed(id) || escalations.Get(id) is not { } record) return;
        if (!scope.CanSee(member, record.County))
        {
            await SayAsync(turn, StaffPhoneTexts.NotInScope, ct);
            return;
        }
        // The press's own response code updates the card it was pressed on (each code works once).
        RememberPressCode(turn, a => a.EscalationId == id);
        var outcome = await desk.ClaimAsync(id, member, ct);
        if (!outcome.Ok)
        {
            await SayAsync(turn, outcome.Refusal == DeskRefusals.ClaimedByOther
                ? StaffPhoneTexts.ClaimedByOther(outcome.Record?.AssigneeName ?? "其他工作人员")
                : StaffPhoneTexts.AlreadyResolved, ct);
            return;
        }
        bridge.Begin(member.Id, outcome.Record!);
        log.LogInformation("Escalation {EscalationId} claimed from WeCom by staff {StaffId}", id, member.Id);
        var who = EscalationViews.Pseudonym(outcome.Record!);
        var lines = escalations.Entries(id).Where(e => e.Kind is EntryKind.User or EntryKind.Bot or EntryKind.Staff).TakeLast(RecentLines)
            .Select(e => StaffPhoneTexts.Line(e.Kind == EntryKind.User ? who : e.Kind == EntryKind.Bot ? StaffPhoneTexts.BotSpeaker : e.StaffName ?? "", e.Text.Length == 0 ? StaffPhoneTexts.ImageNote : e.Text));
        await SayAsync(turn, StaffPhoneTexts.Claimed(who, outcome.Record!.County ?? StaffPhoneTexts.UnknownCounty)
            + "\n" + StaffPhoneTexts.RecentLinesHeading + "\n" + string.Join("\n", lines), ct);
    }

    // 受理 on a help request's card: the console's acknowledge, as the member (audited by the ticket service).
    private async Task AcknowledgeTicketAsync(ITurnContext turn, StaffAccount member, string number, CancellationToken ct)
    {
        if (Disputes.TicketNumber.Parse(number) is not { } id || tickets.Find(id) is not { } ticket) return;
        if (!ticketAlerts.MaySee(member, ticket))
        {
            await SayAsync(turn, StaffPhoneTexts.NotInScope, ct);
            return;
        }
        RememberPressCode(turn, a => a.TicketNumber == ticket.Number);
        var outcome = tickets.Acknowledge(id, StaffUser.Actor(member.UserName));
        await SayAsync(turn, outcome.Kind == Disputes.TicketOutcomeKind.Ok ? StaffPhoneTexts.TicketAcknowledged(ticket.Number) : StaffPhoneTexts.TicketAlreadyTaken(ticket.Number), ct);
    }

    private void RememberPressCode(ITurnContext turn, Func<OnCall.EscalationAlert, bool> belongs)
    {
        if (ChannelField(turn, "TaskId") is { Length: > 0 } taskId && ChannelField(turn, "ResponseCode") is { Length: > 0 } code
            && alerts.ByTask(taskId) is { } alert && belongs(alert))
            alerts.Change(alert.Id, a => a.ResponseCode = code);
    }

    private async Task MessageAsync(ITurnContext turn, StaffAccount member, IActivity activity, CancellationToken ct)
    {
        var text = activity.AsMessageActivity()?.Text?.Trim() ?? "";
        var link = links.ForStaff(member.Id);
        if (link?.ActiveEscalationId is not { } id || escalations.Get(id) is not { } record || record.Status == EscalationStatus.Resolved)
        {
            await SayAsync(turn, StaffPhoneTexts.NoActiveConversation, ct);
            return;
        }
        if (text.Length == 0)
        {
            await SayAsync(turn, StaffPhoneTexts.TextOnly, ct);
            return;
        }
        if (text == EndCommand || text.StartsWith(EndCommand + " ", StringComparison.Ordinal))
        {
            var note = text[EndCommand.Length..].Trim();
            var (ended, _) = await desk.ResolveAsync(id, member, note.Length == 0 ? null : note, ct);
            if (ended.Refusal == DeskRefusals.NoteRequired)
            {
                await SayAsync(turn, StaffPhoneTexts.UrgentNeedsNote, ct);
                return;
            }
            bridge.End(member.Id);
            await SayAsync(turn, ended.Ok ? StaffPhoneTexts.Ended : StaffPhoneTexts.AlreadyResolved, ct);
            return;
        }
        var (outcome, delivery) = await desk.ReplyAsync(id, member, text, ct);
        if (!outcome.Ok)
            await SayAsync(turn, StaffPhoneTexts.AlreadyResolved, ct);
        else if (delivery is { Delivered: false } refused)
            await SayAsync(turn, StaffPhoneTexts.NotDelivered(refused.Reason ?? refused.ErrorCode ?? ""), ct);
    }

    private static string? ChannelField(ITurnContext turn, string name) =>
        turn.Activity.ChannelData is IReadOnlyDictionary<string, string> fields && fields.TryGetValue(name, out var value) ? value : null;

    private static Task SayAsync(ITurnContext turn, string text, CancellationToken ct) => turn.SendActivityAsync(MessageFactory.Text(text), ct);
}
