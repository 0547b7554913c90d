using ChatAssistant.Audit;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>
/// The hours feature's lines in the one audit log (<see cref="AuditLog"/>): its decisions (import, approve, revoke,
/// redeem, fulfil, cancel, correction, correction.resolve) as <c>hours.{decision}</c> about a record, an order, an
/// import or a correction request, with the reason given and the volunteer whose it is; and the subjects it names.
/// </summary>
public static class HoursAudit
{
    /// <summary>What the feature's actions start with in the audit log.</summary>
    public const string Prefix = "hours.";

    /// <summary>An hour record, by its key (<see cref="HourRecord.Key"/>): another district's record of the same id has another.</summary>
    public static string RecordSubject(string recordKey) => "hour-record:" + recordKey;

    public static string OrderSubject(string orderNo) => "order:" + orderNo;

    public static string ImportSubject(string importId) => "hours-import:" + importId;

    public static string CorrectionSubject(string number) => "correction:" + number;

    public static string VolunteerSubject(string volunteerId) => "volunteer:" + volunteerId;

    /// <summary>Records a decision. Inside a transaction of the feature it is its last write (the lock order of <see cref="HoursStore"/>).</summary>
    public static void Decision(this AuditLog audit, string who, string decision, string subject, string volunteerId, string reason) =>
        audit.Record(who, Prefix + decision, subject, reason, volunteerId.Length == 0 ? null : VolunteerSubject(volunteerId));

    /// <summary>The decision an entry records (<c>revoke</c> for <c>hours.revoke</c>), as a record's trail shows it.</summary>
    public static string DecisionOf(AuditEntry entry) =>
        entry.Action.StartsWith(Prefix, StringComparison.Ordinal) ? entry.Action[Prefix.Length..] : entry.Action;

    /// <summary>
    /// Moves the rows of the feature's earlier own audit log (<see cref="LiteDb.LiteHoursStore.LegacyAudit"/>) into the one audit
    /// log, keeping their ids and times, and drops it: once; afterwards there is none. A move cut short is
    /// finished at the next start without doubling a row.
    /// </summary>
    internal static void MoveLegacyLog(ILiteDatabase db, AuditLog audit)
    {
        if (!db.CollectionExists(LiteDb.LiteHoursStore.LegacyAudit)) return;
        var rows = db.GetCollection(LiteDb.LiteHoursStore.LegacyAudit).FindAll().ToList();
        LiteTransaction.Run(db, () => audit.Keep(rows.Select(FromLegacy)));
        db.DropCollection(LiteDb.LiteHoursStore.LegacyAudit);
    }

    private static AuditEntry FromLegacy(BsonDocument row)
    {
        var action = row["Action"].AsString ?? "";
        var target = row["Target"].AsString ?? "";
        var volunteer = row["VolunteerId"].AsString ?? "";
        return new AuditEntry
        {
            Id = row["_id"].AsObjectId.ToString(),
            At = new DateTimeOffset(row["At"].AsDateTime.ToUniversalTime()),
            Actor = row["Who"].AsString ?? "",
            Action = Prefix + action,
            Subject = action switch
            {
                "import" => ImportSubject(target),
                "redeem" or "fulfil" or "cancel" => OrderSubject(target),
                "correction" or "correction.resolve" => CorrectionSubject(target),
                _ => RecordSubject(target),
            },
            Detail = row["Reason"].AsString,
            Owner = volunteer.Length == 0 ? null : VolunteerSubject(volunteer),
        };
    }
}
