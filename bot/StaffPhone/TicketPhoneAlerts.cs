using ChatAssistant.Audit;
using ChatAssistant.Disputes;
using ChatAssistant.OnCall;
using ChatAssistant.Staff;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// A new help request reaches the phones of the members responsible for its county who asked for every alert
/// (<see cref="StaffAlertPreference.All"/>): a card with its number, county, category and wait — never its description
/// or contact — and a 受理 button. Acknowledged anywhere, every card about it says by whom. Audited like the hand-offs'.
/// </summary>
public sealed class TicketPhoneAlerts(
    TicketService tickets, TicketScope scope, IEscalationAlertStore alerts, StaffStore staff, IStaffWeComLinks links, PhoneCards cards,
    AuditLog audit, TimeProvider time)
{
    /// <summary>A help request changed: a new one is announced, an acknowledged one closes its cards.</summary>
    public async Task ChangedAsync(string number, CancellationToken ct)
    {
        if (TicketNumber.Parse(number) is not { } id || tickets.Find(id) is not { } ticket) return;
        var sent = alerts.OfTicket(ticket.Number);
        if (ticket.Status == TicketStatus.New)
        {
            if (sent.Count > 0) return;
            var to = links.All().Where(l => l.Alerts == StaffAlertPreference.All && l.WeComUserId.Length > 0)
                .Select(l => staff.FindById(l.Id)).OfType<StaffAccount>().Where(a => !a.Disabled && MaySee(a, ticket)).ToList();
            if (to.Count == 0) return;
            var alert = new EscalationAlert
            {
                TicketNumber = ticket.Number,
                Staff = to.Select(a => a.UserName).ToList(),
                TaskId = $"tkt{ticket.Number}n{Guid.NewGuid():N}"[..40],
                SentAt = time.GetUtcNow(),
            };
            await cards.SendTicketAsync(ticket, alert, cards.WeComUsersOf(to), ct).ConfigureAwait(false);
            alerts.Add(alert);
            audit.Record(UrgentAlertChain.Actor, "oncall.notice", "ticket:" + ticket.Number,
                $"{string.Join(", ", to.Select(a => a.UserName))}; WeCom {(alert.Delivered ? "sent" : "not sent")}");
            return;
        }
        // Who acted last on it, from the audit log every change of a help request writes.
        var by = audit.Recent(20, subject: "ticket:" + ticket.Number).FirstOrDefault(e => e.Actor.StartsWith(StaffUser.ActorPrefix, StringComparison.Ordinal))?.Actor;
        var name = by is null ? "工作人员" : staff.Find(by[StaffUser.ActorPrefix.Length..])?.DisplayName ?? "工作人员";
        foreach (var alert in sent.Where(a => a.AcknowledgedAt is null))
        {
            var updated = await cards.UpdateAsync(alert, name, ct, StaffPhoneTexts.AcknowledgedBy(name)).ConfigureAwait(false);
            alerts.Change(alert.Id, a => { a.AcknowledgedAt = ticket.AcknowledgedAt ?? time.GetUtcNow(); a.AcknowledgedBy = name; a.CardUpdated = updated; });
        }
    }

    /// <summary>Whether <paramref name="account"/> is responsible for <paramref name="ticket"/> (the console's rule).</summary>
    public bool MaySee(StaffAccount account, Ticket ticket) =>
        scope.CanSee(account, ticket);
}
