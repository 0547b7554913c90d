using ChatAssistant.Audit;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using Microsoft.Extensions.Options;

namespace ChatAssistant.OnCall;

/// <summary>
/// Who hears of an escalation on their phone, and when. A crisis alerts the county's on-call staff at once (step 1;
/// with nobody on duty, the admins); unacknowledged after <c>Escalation:UrgentAcknowledgeWithin</c>, the next person on
/// the rota and the admins (step 2, and so on while the rota has someone not yet alerted). Any other new hand-off goes to
/// the members who see it and asked for every alert (<see cref="StaffAlertPreference.All"/>). Claiming or answering
/// acknowledges: every card about it then says who took it. Every alert and acknowledgement is in the audit log.
/// Runs on one queue per instance (<see cref="StaffPhoneService"/>); the work on one escalation takes turns across
/// instances (<see cref="PhoneWorkLock"/>) and reads what was sent again inside, so a step is sent once.
/// </summary>
public sealed class UrgentAlertChain(
    EscalationStore escalations, IEscalationAlertStore alerts, OnCallRota rota, StaffStore staff, IStaffWeComLinks links,
    EscalationScope scope, PhoneCards cards, AuditLog audit, IOptions<EscalationOptions> options, TimeProvider time,
    PhoneWorkLock oneAtATime, ILogger<UrgentAlertChain> log)
{
    public const string Actor = "system:oncall";

    /// <summary>An escalation changed (opened, upgraded to a crisis, claimed, answered, resolved).</summary>
    public Task ChangedAsync(string id, CancellationToken ct) => oneAtATime.RunAsync(id, () => ChangedHoldingAsync(id, ct), ct);

    private async Task ChangedHoldingAsync(string id, CancellationToken ct)
    {
        if (escalations.Get(id) is not { } record) return;
        var sent = alerts.Of(id);
        if (record.Status != EscalationStatus.Waiting)
        {
            await AcknowledgeAsync(record, sent, ct).ConfigureAwait(false);
            return;
        }
        if (record.Urgent && !sent.Any(a => a.Step > 0)) await StepAsync(record, 1, sent, ct).ConfigureAwait(false);
        else if (!record.Urgent && sent.Count == 0) await NoticeAsync(record, ct).ConfigureAwait(false);
    }

    /// <summary>Moves every chain whose latest step has waited out the limit on to its next step.</summary>
    public async Task SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var chain in alerts.UnacknowledgedChains())
        {
            await oneAtATime.RunAsync(chain.EscalationId, async () =>
            {
                if (escalations.Get(chain.EscalationId) is not { } record) return;
                // Read again holding the lock: another instance may have moved the chain on meanwhile.
                var sent = alerts.Of(record.Id);
                if (sent.Where(a => a.Step > 0).MaxBy(a => a.Step) is not { AcknowledgedAt: null } latest) return;
                if (record.Status != EscalationStatus.Waiting) await AcknowledgeAsync(record, sent, ct).ConfigureAwait(false);
                else if (now - latest.SentAt >= options.Value.UrgentAcknowledgeWithin) await StepAsync(record, latest.Step + 1, sent, ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
    }

    private async Task StepAsync(EscalationRecord record, int step, IReadOnlyList<EscalationAlert> sent, CancellationToken ct)
    {
        var alerted = sent.SelectMany(a => a.Staff).ToHashSet(StringComparer.Ordinal);
        var onDuty = rota.OnDuty(record.County);
        var admins = staff.All().Where(a => a.Role == StaffRoles.Admin && !a.Disabled).ToList();
        List<StaffAccount> to;
        if (step == 1)
        {
            // The county's on-call staff now, and members who asked for urgent alerts in their scope; nobody on duty: the admins.
            to = onDuty.Concat(Preferring(record, StaffAlertPreference.Urgent, StaffAlertPreference.All)).ToList();
            if (onDuty.Count == 0) to.AddRange(admins);
        }
        else
        {
            // The next person on the rota (on duty first, then the rest in rota order) and the admins.
            var next = onDuty.Concat(rota.Everyone(record.County)).FirstOrDefault(a => !alerted.Contains(a.UserName));
            to = (next is null ? admins : admins.Prepend(next)).ToList();
        }
        to = to.DistinctBy(a => a.Id).Where(a => !alerted.Contains(a.UserName)).ToList();
        if (to.Count == 0 && step > 1) return; // everyone has it; the chain waits for someone to take it
        var alert = NewAlert(record, step, to);
        await cards.SendAsync(record, alert, cards.WeComUsersOf(to), ct).ConfigureAwait(false);
        alerts.Add(alert);
        audit.Record(Actor, "oncall.alert", Subject(record),
            $"step {step}: {(to.Count == 0 ? "nobody to alert" : string.Join(", ", to.Select(a => a.UserName)))}; WeCom {Outcome(alert)}");
        log.LogInformation("Escalation {EscalationId}: alert step {Step} to {Count} member(s), WeCom {Outcome}", record.Id, step, to.Count, Outcome(alert));
    }

    private async Task NoticeAsync(EscalationRecord record, CancellationToken ct)
    {
        var to = Preferring(record, StaffAlertPreference.All).ToList();
        if (to.Count == 0) return;
        var alert = NewAlert(record, 0, to);
        await cards.SendAsync(record, alert, cards.WeComUsersOf(to), ct).ConfigureAwait(false);
        alerts.Add(alert);
        audit.Record(Actor, "oncall.notice", Subject(record), $"{string.Join(", ", to.Select(a => a.UserName))}; WeCom {Outcome(alert)}");
    }

    private async Task AcknowledgeAsync(EscalationRecord record, IReadOnlyList<EscalationAlert> sent, CancellationToken ct)
    {
        var pending = sent.Where(a => a.AcknowledgedAt is null).ToList();
        if (pending.Count == 0) return;
        var at = record.ClaimedAt ?? record.FirstReplyAt ?? record.ResolvedAt ?? time.GetUtcNow();
        var by = record.AssigneeName ?? record.ResolvedBy ?? "工作人员";
        foreach (var alert in pending)
        {
            var updated = await cards.UpdateAsync(alert, by, ct).ConfigureAwait(false);
            alerts.Change(alert.Id, a => { a.AcknowledgedAt = at; a.AcknowledgedBy = by; a.CardUpdated = updated; });
        }
        audit.Record(Actor, "oncall.acknowledged", Subject(record),
            $"by {by} after {(int)Math.Max(0, (at - record.CreatedAt).TotalMinutes)} min, {pending.Count} alert(s) closed");
    }

    // Members who see the escalation and whose phone preference is one of these.
    private IEnumerable<StaffAccount> Preferring(EscalationRecord record, params string[] preferences) =>
        links.All().Where(l => preferences.Contains(l.Alerts) && l.WeComUserId.Length > 0)
            .Select(l => staff.FindById(l.Id)).OfType<StaffAccount>()
            .Where(a => !a.Disabled && scope.CanSee(a, record.County));

    private EscalationAlert NewAlert(EscalationRecord record, int step, IEnumerable<StaffAccount> to) => new()
    {
        EscalationId = record.Id,
        Step = step,
        Staff = to.Select(a => a.UserName).ToList(),
        TaskId = $"esc{record.Id}s{step}n{Guid.NewGuid():N}"[..48],
        SentAt = time.GetUtcNow(),
    };

    private static string Outcome(EscalationAlert alert) =>
        alert.WeComUsers.Count == 0 ? "none linked" : alert.Delivered ? $"sent to {alert.WeComUsers.Count}" : $"refused {alert.ErrorCode}";

    private static string Subject(EscalationRecord record) => $"escalation:{record.Id}";
}
