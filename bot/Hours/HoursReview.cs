using ChatAssistant.Staff;
using ChatAssistant.Audit;
using ChatAssistant.Storage;
using ChatAssistant.Conversation.Time;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours;

/// <summary>
/// The review queue of flagged records: staff approve (the hours count from then on) or revoke (they never
/// count; a record that already counted is reversed in the ledger). Every decision is audited.
/// </summary>
public sealed class HoursReview(IHoursStore store, AuditLog audit, IVolunteerDirectory volunteers, AssistantClock clock, IOptions<HoursOptions> options, ILogger<HoursReview> log)
{
    /// <summary>Flagged records the caller may decide, oldest activity first.</summary>
    public IReadOnlyList<HourRecord> Queue(StaffScope scope) =>
        store.FlaggedRecords().Where(r => volunteers.InScope(r.VolunteerId, scope))
            .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.RecordId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The record <paramref name="recordId"/> among those the caller may see (of <paramref name="district"/> when
    /// given): <see cref="DecisionOutcome.NotFound"/> when there is none — also when only another district has the id,
    /// so nothing tells the caller it exists — and <see cref="DecisionOutcome.Conflict"/> when the caller sees it in
    /// two districts and must name one.
    /// </summary>
    public (HourRecord? Record, Decision Refusal) Find(string recordId, StaffScope scope, string? district = null)
    {
        var found = store.RecordsWithId(recordId).Where(r => volunteers.InScope(r.VolunteerId, scope) && (district is null || r.District == district)).ToList();
        return found.Count switch
        {
            1 => (found[0], new Decision(DecisionOutcome.Done)),
            0 => (null, new Decision(DecisionOutcome.NotFound, HoursTexts.StaffRecordNotFound(recordId))),
            _ => (null, new Decision(DecisionOutcome.Conflict, HoursTexts.StaffRecordInSeveralDistricts(recordId, found.Select(r => r.District ?? "?")))),
        };
    }

    /// <summary>Approves a flagged record: its hours and points count from now on.</summary>
    public Decision Approve(string recordId, string who, string? reason, StaffScope scope, string? district = null) => Decide(recordId, district, who, reason, scope, "approve", (record, now) =>
    {
        if (record.Status != RecordStatus.Flagged) return new Decision(DecisionOutcome.Conflict, HoursTexts.StaffNotFlagged(record.Status));
        record.Status = RecordStatus.Approved;
        store.UpdateRecord(record);
        store.AddEntry(HoursLedger.Credit(record, options.Value.PointsPerHour, now, who));
        return new Decision(DecisionOutcome.Done);
    });

    /// <summary>Revokes a record: it never counts; if it already counted, a reversing entry takes it back.</summary>
    public Decision Revoke(string recordId, string who, string? reason, StaffScope scope, string? district = null) => Decide(recordId, district, who, reason, scope, "revoke", (record, now) =>
    {
        if (record.Status == RecordStatus.Revoked) return new Decision(DecisionOutcome.Conflict, HoursTexts.StaffAlreadyRevoked);
        // The record before the ledger (IHoursStore): the importer and Approve write in that order too.
        record.Status = RecordStatus.Revoked;
        store.UpdateRecord(record);
        var credit = store.FindEntry(LedgerEntry.CreditKey(record.Key));
        if (credit is not null)
        {
            store.AddEntry(new LedgerEntry
            {
                Key = LedgerEntry.ReversalKey(record.Key),
                VolunteerId = record.VolunteerId,
                Kind = LedgerKind.HoursReversal,
                Hours = -credit.Hours,
                Points = -credit.Points,
                ActivityDate = credit.ActivityDate,
                Ref = record.RecordId,
                At = now,
                By = who,
            });
        }
        return new Decision(DecisionOutcome.Done);
    });

    private Decision Decide(string recordId, string? district, string who, string? reason, StaffScope scope, string action, Func<HourRecord, DateTimeOffset, Decision> apply)
    {
        if (string.IsNullOrWhiteSpace(reason)) return new Decision(DecisionOutcome.ReasonRequired, HoursTexts.StaffReasonRequired);
        // Decisions are rare; one at a time (on every instance) means approve and revoke of one record cannot interleave.
        RecordStatus? before = null; // apply changes the record before its ledger entry can fail
        try
        {
            var decision = store.Exclusively("review", () =>
            {
                var (record, refusal) = Find(recordId, scope, district);
                if (record is null) return refusal;
                before = record.Status;
                // apply refuses (Conflict) before it writes anything; what it did is audited last, in its transaction.
                var done = apply(record, clock.Now);
                if (done.Outcome == DecisionOutcome.Done) audit.Decision(who, action, HoursAudit.RecordSubject(record.Key), record.VolunteerId, reason.Trim());
                return done;
            });
            if (decision.Outcome == DecisionOutcome.Done) log.LogInformation("Hour record {RecordId}: {Action} by staff", recordId, action);
            return decision;
        }
        catch (DuplicateRecordException)
        {
            // The ledger already holds this source key: the decision was taken before.
            return new Decision(DecisionOutcome.Conflict, HoursTexts.StaffNotFlagged(before!.Value));
        }
    }
}
