using ChatAssistant.Staff;
using ChatAssistant.Audit;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>The hours feature's LiteDB collections, with their indexes.</summary>
/// <remarks>
/// Lock order. LiteDB takes a collection's write lock at a transaction's first write to it and holds it to the
/// commit, so two transactions writing two collections in opposite orders deadlock (until LiteDB's 60 s lock
/// timeout; a redemption and a staff cancel once did). Every transaction of the hours feature
/// (<see cref="LiteTransaction.Run{T}"/> over <see cref="Db"/>) writes in this one order, skipping what it does not
/// touch: <see cref="Records"/> → <see cref="Orders"/> → <see cref="Ledger"/> → <see cref="Corrections"/> → the audit
/// log (<see cref="AuditLog"/>, always last). Reads take no lock and may come anywhere. Test: <c>LockOrderTests</c>.
/// </remarks>
public sealed class HoursStore
{
    public const string Records = "hour_records";
    public const string Ledger = "hour_ledger";
    public const string Orders = "hour_orders";
    public const string Corrections = "hour_corrections";

    /// <summary>The feature's own audit log of versions before it wrote into the one audit log; moved there at start.</summary>
    public const string LegacyAudit = "hour_audit";

    public HoursStore(ILiteDatabase db, IVolunteerDirectory volunteers, AuditLog audit)
    {
        Db = db;
        RecordsCollection.EnsureIndex(r => r.VolunteerId);
        RecordsCollection.EnsureIndex(r => r.Status);
        RecordsCollection.EnsureIndex(r => r.RecordId);
        KeepLegacyRecordsInTheirDistrict(volunteers);
        LedgerCollection.EnsureIndex(e => e.VolunteerId);
        OrdersCollection.EnsureIndex(o => o.OrderNo); // unique by construction: derived from the auto id
        OrdersCollection.EnsureIndex(o => o.VolunteerId);
        OrdersCollection.EnsureIndex(o => o.Status);
        CorrectionsCollection.EnsureIndex(c => c.VolunteerId);
        CorrectionsCollection.EnsureIndex(c => c.Status);
        HoursAudit.MoveLegacyLog(db, audit);
    }

    public ILiteDatabase Db { get; }

    // Records of versions before ids were kept per district have no RecordId field (their id was the record id) and
    // no district. They keep their key (their ledger entries and audit rows name it) and get the record id and their
    // volunteer's district now, once; afterwards none is left to find.
    private void KeepLegacyRecordsInTheirDistrict(IVolunteerDirectory volunteers)
    {
        var legacy = RecordsCollection.Find(Query.EQ(nameof(HourRecord.RecordId), BsonValue.Null)).ToList();
        foreach (var record in legacy)
        {
            record.RecordId = record.Key;
            record.District = volunteers.DistrictOf(record.VolunteerId);
            RecordsCollection.Update(record);
        }
    }

    /// <summary>
    /// The records of <paramref name="recordId"/> whose volunteer the caller may see (<paramref name="scope"/>; null for
    /// admins), of <paramref name="district"/> when given. Usually one; two when the id exists in two districts the
    /// caller sees (an admin, or a volunteer who moved).
    /// </summary>
    public IReadOnlyList<HourRecord> FindRecords(string recordId, StaffScope scope, IVolunteerDirectory volunteers, string? district = null) =>
        RecordsCollection.FindWhere(LiteQuery.Is(nameof(HourRecord.RecordId), recordId))
            .Where(r => volunteers.InScope(r.VolunteerId, scope) && (district is null || r.District == district)).ToList();

    public ILiteCollection<HourRecord> RecordsCollection => Db.GetCollection<HourRecord>(Records);

    public ILiteCollection<LedgerEntry> LedgerCollection => Db.GetCollection<LedgerEntry>(Ledger);

    public ILiteCollection<RedemptionOrder> OrdersCollection => Db.GetCollection<RedemptionOrder>(Orders);

    public ILiteCollection<HoursCorrection> CorrectionsCollection => Db.GetCollection<HoursCorrection>(Corrections);

    /// <summary>True for LiteDB's duplicate-key error (a source key or order number already present).</summary>
    public static bool IsDuplicateKey(LiteException e) => e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY;
}
