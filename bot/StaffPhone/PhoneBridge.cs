using ChatAssistant.Escalation;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// A conversation a member took from the phone is bridged: the young person's new lines on its transcript go to the
/// member's WeCom (an image as a note), in order, each once. What the member writes back goes through the console's own
/// desk (<see cref="WeComStaffBot"/>), so the console shows one transcript either way.
/// </summary>
public sealed class PhoneBridge(EscalationStore escalations, IStaffWeComLinks links, PhoneCards cards, PhoneWorkLock oneAtATime, ILogger<PhoneBridge> log)
{
    /// <summary>Starts bridging <paramref name="record"/> to the member <paramref name="staffId"/>: lines from now on go to the phone.</summary>
    public void Begin(int staffId, EscalationRecord record)
    {
        var before = escalations.Entries(record.Id).Select(e => e.Id).ToList();
        links.Change(staffId, l => { l.ActiveEscalationId = record.Id; l.ForwardedUpTo = null; l.Handled = before; });
    }

    /// <summary>Stops bridging whatever the member had.</summary>
    public void End(int staffId) => links.Change(staffId, l => { l.ActiveEscalationId = null; l.ForwardedUpTo = null; l.Handled = []; });

    /// <summary>Sends the young person's lines not yet on the member's phone (called on every change of the escalation).</summary>
    public Task ForwardAsync(string id, CancellationToken ct) => oneAtATime.RunAsync(id, () => ForwardHoldingAsync(id, ct), ct);

    private async Task ForwardHoldingAsync(string id, CancellationToken ct)
    {
        if (escalations.Get(id) is not { Status: EscalationStatus.Claimed, AssigneeId: { } staffId } record) return;
        if (links.ForStaff(staffId) is not { } link || link.ActiveEscalationId != id || link.WeComUserId.Length == 0) return;
        var entries = escalations.Entries(id);
        var handled = link.Handled.ToHashSet(StringComparer.Ordinal);
        if (handled.Count == 0 && link.ForwardedUpTo is { } upTo) // a link marked by an earlier version: every line up to its mark
            handled.UnionWith(entries.Take(entries.ToList().FindIndex(e => e.Id == upTo) + 1).Select(e => e.Id));
        var who = EscalationViews.Pseudonym(record);
        foreach (var entry in entries.Where(e => !handled.Contains(e.Id)))
        {
            if (entry.Kind == EntryKind.User && !entry.SelfService)
            {
                var text = entry.Text.Length == 0 ? StaffPhoneTexts.ImageNote : entry.Text;
                var sent = await cards.SendTextAsync(link.WeComUserId, StaffPhoneTexts.Line(who, text), ct).ConfigureAwait(false);
                if (!sent.Succeeded)
                {
                    log.LogWarning("Escalation {EscalationId}: a line could not reach the member's WeCom ({ErrCode}); tried again at the next change", id, sent.ErrCode);
                    return;
                }
            }
            handled.Add(entry.Id);
            var now = handled.ToList(); // the earlier version's mark, if any, from now on as ids too
            links.Change(staffId, l => { l.ForwardedUpTo = null; l.Handled = now; });
        }
    }
}
