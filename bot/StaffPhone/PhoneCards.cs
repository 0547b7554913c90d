using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeCom;
using ChatAssistant.Escalation;
using ChatAssistant.OnCall;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// Alerts about escalations as WeCom template cards (county, reason, waiting time, a 接手 button whose key names the
/// escalation) and their update once someone took it. Without WeCom settings nothing is sent (the alert is still
/// recorded and audited by the caller).
/// </summary>
public sealed class PhoneCards(WeComCards cards, IStaffWeComLinks links, IOptions<WeComOptions> options, TimeProvider time)
{
    /// <summary>The button key of an escalation's 接手.</summary>
    public const string ClaimPrefix = "claim:";

    public bool Enabled => options.Value.Enabled;

    /// <summary>The WeCom members of <paramref name="staff"/> (those linked to one).</summary>
    public IReadOnlyList<string> WeComUsersOf(IEnumerable<StaffAccount> staff) =>
        staff.Select(s => links.ForStaff(s.Id)?.WeComUserId).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList()!;

    /// <summary>Sends the card about <paramref name="record"/> to <paramref name="users"/> as <paramref name="alert"/> records it.</summary>
    public async Task SendAsync(EscalationRecord record, EscalationAlert alert, IReadOnlyList<string> users, CancellationToken ct)
    {
        alert.WeComUsers = users.ToList();
        if (!Enabled || users.Count == 0) return;
        var waited = (int)Math.Max(0, (time.GetUtcNow() - record.CreatedAt).TotalMinutes);
        var card = new WeComCard(
            alert.TaskId,
            record.Urgent ? StaffPhoneTexts.UrgentTitle : StaffPhoneTexts.NewHandoffTitle,
            record.Urgent ? StaffPhoneTexts.UrgentDescription : StaffPhoneTexts.NewHandoffDescription,
            [
                new(StaffPhoneTexts.CountyLabel, record.County ?? StaffPhoneTexts.UnknownCounty),
                new(StaffPhoneTexts.ReasonLabel, StaffPhoneTexts.Reason(record.Reason.ToString(), record.CrisisCategory)),
                new(StaffPhoneTexts.WaitingLabel, StaffPhoneTexts.Minutes(waited)),
            ],
            StaffPhoneTexts.ClaimButton,
            ClaimPrefix + record.Id);
        await SendCardAsync(users, card, alert, ct).ConfigureAwait(false);
    }

    // Sends one card and keeps on the alert whether WeCom took it (and its error code when not).
    private async Task SendCardAsync(IReadOnlyList<string> users, WeComCard card, EscalationAlert alert, CancellationToken ct)
    {
        var sent = await cards.SendAsync(users, card, ct).ConfigureAwait(false);
        alert.Delivered = sent.ErrCode == 0;
        alert.ErrorCode = sent.ErrCode == 0 ? null : sent.ErrCode;
        alert.ResponseCode = sent.ResponseCode;
    }

    /// <summary>The button key of a help request's 受理.</summary>
    public const string TicketPrefix = "ticket:";

    /// <summary>Sends the card about a new help request: its number, county, category and wait, no personal field.</summary>
    public async Task SendTicketAsync(Disputes.Ticket ticket, EscalationAlert alert, IReadOnlyList<string> users, CancellationToken ct)
    {
        alert.WeComUsers = users.ToList();
        if (!Enabled || users.Count == 0) return;
        var waited = (int)Math.Max(0, (time.GetUtcNow() - ticket.CreatedAt).TotalMinutes);
        var card = new WeComCard(
            alert.TaskId, StaffPhoneTexts.NewTicketTitle(ticket.Number), StaffPhoneTexts.NewTicketDescription,
            [
                new(StaffPhoneTexts.CountyLabel, ticket.County),
                new(StaffPhoneTexts.CategoryLabel, ticket.Category),
                new(StaffPhoneTexts.WaitingLabel, StaffPhoneTexts.Minutes(waited)),
            ],
            StaffPhoneTexts.AcknowledgeButton,
            TicketPrefix + ticket.Number);
        await SendCardAsync(users, card, alert, ct).ConfigureAwait(false);
    }

    /// <summary>Replaces the card's button with who took it, for everyone it went to; true when WeCom took the update.</summary>
    public async Task<bool> UpdateAsync(EscalationAlert alert, string takenBy, CancellationToken ct, string? replaceName = null)
    {
        if (!Enabled || alert.WeComUsers.Count == 0 || string.IsNullOrEmpty(alert.ResponseCode)) return false;
        var result = await cards.UpdateButtonAsync(alert.WeComUsers, alert.ResponseCode, replaceName ?? StaffPhoneTexts.ClaimedBy(takenBy), ct).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>A text to a member's phone.</summary>
    public Task<WeChatApiResult> SendTextAsync(string weComUserId, string text, CancellationToken ct) => cards.SendTextAsync(weComUserId, text, ct);
}
