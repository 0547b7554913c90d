using ChatAssistant.Staff;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Storage;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hours.Import;

/// <summary>
/// Imports hour records from the platform's CSV: all or nothing, idempotent by record id within the volunteer's
/// district (another district's record of the same id is neither found nor touched: see <see cref="HourRecord"/>),
/// every record checked by <see cref="IntegrityRules"/>; clean records are credited to the ledger at once, flagged
/// ones wait.
/// </summary>
public sealed class HoursImporter(IHoursStore store, AuditLog audit, IVolunteerDirectory volunteers, AssistantClock clock, IOptions<HoursOptions> options, ILogger<HoursImporter> log)
{
    /// <summary>
    /// Imports <paramref name="csv"/> on behalf of <paramref name="by"/>. A non-null <paramref name="scope"/>
    /// (a district) refuses volunteers of other districts.
    /// </summary>
    public ImportResult Import(TextReader csv, string by, StaffScope scope)
    {
        var o = options.Value;
        var (rows, errors) = HourCsvReader.Read(csv, o.MaxImportLines);
        var districts = new Dictionary<string, string>(StringComparer.Ordinal); // volunteer → roster district
        rows = CheckRows(rows, scope, errors, districts);
        if (errors.Count > 0)
        {
            log.LogInformation("Hours import refused: {ErrorCount} bad lines", errors.Count);
            return new ImportResult(false, "", 0, 0, 0, errors.OrderBy(e => e.Line).ToList(), [], []);
        }

        // Imports are rare and short; one at a time (on every instance) keeps "check the rules, then insert" consistent.
        return store.Exclusively("import", () =>
        {
            var now = clock.Now;
            var importId = $"IMP{now:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
            var warnings = new List<LineError>();
            var fresh = new List<ImportRow>();
            foreach (var row in rows)
            {
                var existing = Existing(row, districts[row.VolunteerId]);
                if (existing is null) fresh.Add(row);
                else if (!SameContent(existing, row)) warnings.Add(new LineError(row.Line, HoursTexts.ImportChangedRecord(row.RecordId)));
            }

            var stored = fresh.Select(r => r.VolunteerId).Distinct()
                .SelectMany(v => store.RecordsOf(v).Where(r => r.Status != RecordStatus.Revoked))
                .Select(RuleSubject.From).ToList();
            var flags = IntegrityRules.Check(fresh.Select(RuleSubject.From).ToList(), stored, now, o.HoursTolerance, o.MaxHoursPerDay);

            // Records, then ledger, then audit (the write order of IHoursStore).
            foreach (var row in fresh) Insert(row, districts[row.VolunteerId], flags.GetValueOrDefault(row.RecordId), importId, now);
            audit.Decision(by, "import", HoursAudit.ImportSubject(importId), "", HoursTexts.ImportAuditSummary(fresh.Count, rows.Count - fresh.Count, flags.Count));

            var reports = fresh.Where(r => flags.ContainsKey(r.RecordId))
                .SelectMany(r => flags[r.RecordId].Select(f => new FlagReport(r.Line, r.RecordId, f.Rule, f.Reason))).ToList();
            log.LogInformation("Hours import {ImportId}: {Added} added, {Skipped} already present, {Flagged} flagged", importId, fresh.Count, rows.Count - fresh.Count, flags.Count);
            ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Import("hours");
            return new ImportResult(true, importId, fresh.Count, rows.Count - fresh.Count, flags.Count, [], reports, warnings);
        });
    }

    // The record this row is already stored as: the same id in the volunteer's district, or the same id of the same
    // volunteer in another district (a volunteer who moved, whose old records a new export lists again: counting
    // them twice would double their hours). Either way a record of a volunteer the importer may see: nothing is
    // learnt about another district's ids.
    private HourRecord? Existing(ImportRow row, string district) =>
        store.RecordsWithId(row.RecordId).FirstOrDefault(r => r.District == district || r.VolunteerId == row.VolunteerId);

    private void Insert(ImportRow row, string district, List<RuleFlag>? flags, string importId, DateTimeOffset now)
    {
        var record = new HourRecord
        {
            Key = HourRecord.KeyOf(district, row.RecordId),
            RecordId = row.RecordId,
            District = district,
            VolunteerId = row.VolunteerId,
            Activity = row.Activity,
            Organiser = row.Organiser,
            Date = row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            StartMinute = row.StartMinute,
            EndMinute = row.EndMinute,
            Hours = row.Hours,
            Status = flags is null ? RecordStatus.Verified : RecordStatus.Flagged,
            Flags = flags ?? [],
            ImportId = importId,
            ImportedAt = now,
        };
        store.AddRecord(record);
        if (record.Counts) store.AddEntry(HoursLedger.Credit(record, options.Value.PointsPerHour, now, "import"));
    }

    // Form is fine; now the roster, the caller's district and repeated ids inside the file.
    private List<ImportRow> CheckRows(List<ImportRow> rows, StaffScope scope, List<LineError> errors, Dictionary<string, string> districts)
    {
        var kept = new List<ImportRow>();
        var seen = new Dictionary<string, ImportRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var district = volunteers.DistrictOf(row.VolunteerId);
            if (district is not null) districts[row.VolunteerId] = district;
            if (district is null) errors.Add(new LineError(row.Line, HoursTexts.ImportUnknownVolunteer(row.VolunteerId)));
            else if (!scope.Covers(district)) errors.Add(new LineError(row.Line, HoursTexts.ImportOutOfScope(row.VolunteerId, scope.Name ?? "")));
            else if (seen.TryGetValue(row.RecordId, out var first))
            {
                // The same line twice in one export is harmless; the same id with other content is not.
                if (first with { Line = row.Line } != row) errors.Add(new LineError(row.Line, HoursTexts.ImportRepeatedId(row.RecordId, first.Line)));
            }
            else
            {
                seen[row.RecordId] = row;
                kept.Add(row);
            }
        }
        return kept;
    }

    private static bool SameContent(HourRecord r, ImportRow row) =>
        r.VolunteerId == row.VolunteerId && r.Activity == row.Activity && r.Organiser == row.Organiser && r.Day == row.Date
        && r.StartMinute == row.StartMinute && r.EndMinute == row.EndMinute && r.Hours == row.Hours;
}
