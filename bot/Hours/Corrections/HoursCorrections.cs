using ChatAssistant.Staff;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Security;
using ChatAssistant.Storage;

namespace ChatAssistant.Hours;

/// <summary>
/// Correction requests of volunteers about their hours: filed from the chat, listed with the flagged records in the
/// review queue, resolved by staff with an answer (the words are deleted then). Every step is in the hours audit.
/// </summary>
public sealed class HoursCorrections(IHoursStore store, AuditLog audit, FieldCipher cipher, IVolunteerDirectory volunteers, AssistantClock clock, ILogger<HoursCorrections> log)
{
    /// <summary>Files a request; the words are encrypted for it (bound to its number) in the same transaction.</summary>
    public HoursCorrection File(NewCorrection draft)
    {
        var now = clock.Now;
        var correction = new HoursCorrection
        {
            VolunteerId = draft.VolunteerId,
            District = volunteers.DistrictOf(draft.VolunteerId),
            ChannelId = draft.ChannelId,
            UserId = draft.UserId,
            RecordKey = draft.Record?.Key,
            RecordId = draft.Record?.RecordId,
            Date = draft.Record?.Date ?? draft.Date,
            Status = CorrectionStatus.Open,
            CreatedAt = now,
        };
        store.Exclusively("corrections", () =>
        {
            store.AddCorrection(correction);
            correction.Text = cipher.Protect(draft.Text, HoursCorrection.Binding(correction.Id));
            store.UpdateCorrection(correction);
            audit.Decision("volunteer", "correction", HoursAudit.CorrectionSubject(correction.Number), correction.VolunteerId, draft.Record is null ? "missing record" : "record " + draft.Record.RecordId);
            return correction;
        });
        log.LogInformation("Hours correction {Number} filed", correction.Number);
        return correction;
    }

    /// <summary>Open requests of the volunteers the caller may see (null: admins), oldest first.</summary>
    public IReadOnlyList<HoursCorrection> Open(StaffScope scope) =>
        store.OpenCorrections().Where(c => volunteers.InScope(c.VolunteerId, scope)).ToList();

    /// <summary>A volunteer's open requests (for the chat).</summary>
    public IReadOnlyList<HoursCorrection> OpenOf(string volunteerId) =>
        store.CorrectionsOf(volunteerId).Where(c => c.Status == CorrectionStatus.Open).ToList();

    /// <summary>The request <paramref name="number"/> if the caller may see it, else null (as if it did not exist).</summary>
    public HoursCorrection? Find(string number, StaffScope scope) =>
        HoursCorrection.Parse(number) is { } id && store.FindCorrection(id) is { } c && volunteers.InScope(c.VolunteerId, scope) ? c : null;

    /// <summary>The volunteer's words, or null once deleted (or unreadable: logged).</summary>
    public string? TextOf(HoursCorrection correction)
    {
        if (correction.Text is null) return null;
        if (cipher.TryUnprotect(correction.Text, HoursCorrection.Binding(correction.Id), out var text)) return text;
        log.LogError("Hours correction {Number}: its text does not decrypt for it", correction.Number);
        return null;
    }

    /// <summary>Staff answer the request: it leaves the queue, the words are deleted, the answer is kept (and sent by the caller).</summary>
    public (HoursCorrection? Correction, Decision Decision) Resolve(string number, string who, string? reply, StaffScope scope)
    {
        if (string.IsNullOrWhiteSpace(reply)) return (null, new Decision(DecisionOutcome.ReasonRequired, HoursCorrectionTexts.StaffReplyRequired));
        var outcome = store.Exclusively<(HoursCorrection? Correction, Decision Decision)>("corrections", () =>
        {
            var correction = Find(number, scope);
            if (correction is null) return (null, new Decision(DecisionOutcome.NotFound, HoursCorrectionTexts.StaffNotFound(number)));
            if (correction.Status != CorrectionStatus.Open) return (correction, new Decision(DecisionOutcome.Conflict, HoursCorrectionTexts.StaffAlreadyResolved));
            var now = clock.Now;
            correction.Status = CorrectionStatus.Resolved;
            correction.ResolvedAt = now;
            correction.ResolvedBy = who;
            correction.Reply = reply.Trim();
            correction.Text = null;
            store.UpdateCorrection(correction);
            audit.Decision(who, "correction.resolve", HoursAudit.CorrectionSubject(correction.Number), correction.VolunteerId, correction.Reply);
            return (correction, new Decision(DecisionOutcome.Done));
        });
        if (outcome.Decision.Outcome == DecisionOutcome.Done) log.LogInformation("Hours correction {Number} resolved by staff", outcome.Correction!.Number);
        return outcome;
    }
}
