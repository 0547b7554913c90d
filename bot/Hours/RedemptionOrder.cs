using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Hours;

/// <summary>Where a redemption order stands.</summary>
public enum OrderStatus
{
    /// <summary>Points reserved; waiting to be picked up.</summary>
    Placed,

    /// <summary>Handed over at the 爱心超市.</summary>
    Fulfilled,

    /// <summary>Cancelled by staff; the points were returned.</summary>
    Cancelled,
}

/// <summary>An exchange of 爱心存折 points for one catalogue item.</summary>
public sealed class RedemptionOrder
{
    public int Id { get; set; }

    /// <summary>What the volunteer quotes at the counter, e.g. "DH2611260007".</summary>
    public string OrderNo { get; set; } = "";

    public string VolunteerId { get; set; } = "";

    public string ItemId { get; set; } = "";

    public string ItemName { get; set; } = "";

    public decimal Points { get; set; }

    public OrderStatus Status { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Staff member who fulfilled or cancelled it.</summary>
    public string? ClosedBy { get; set; }

    public string? CancelReason { get; set; }
}

/// <summary>The hours feature's LiteDB collections, with their indexes.</summary>
public sealed class HoursStore
{
    public const string Records = "hour_records";
    public const string Ledger = "hour_ledger";
    public const string Orders = "hour_orders";
    public const string Audit = "hour_audit";
    public const string Corrections = "hour_corrections";

    public HoursStore(ILiteDatabase db, IVolunteerDirectory volunteers)
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
        AuditCollection.EnsureIndex(a => a.Target);
        CorrectionsCollection.EnsureIndex(c => c.VolunteerId);
        CorrectionsCollection.EnsureIndex(c => c.Status);
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
    public IReadOnlyList<HourRecord> FindRecords(string recordId, string? scope, IVolunteerDirectory volunteers, string? district = null) =>
        RecordsCollection.FindWhere(LiteQuery.Is(nameof(HourRecord.RecordId), recordId))
            .Where(r => volunteers.InScope(r.VolunteerId, scope) && (district is null || r.District == district)).ToList();

    public ILiteCollection<HourRecord> RecordsCollection => Db.GetCollection<HourRecord>(Records);

    public ILiteCollection<LedgerEntry> LedgerCollection => Db.GetCollection<LedgerEntry>(Ledger);

    public ILiteCollection<RedemptionOrder> OrdersCollection => Db.GetCollection<RedemptionOrder>(Orders);

    public ILiteCollection<HoursAuditEntry> AuditCollection => Db.GetCollection<HoursAuditEntry>(Audit);

    public ILiteCollection<HoursCorrection> CorrectionsCollection => Db.GetCollection<HoursCorrection>(Corrections);

    /// <summary>Appends an audit entry.</summary>
    public void AuditDecision(DateTimeOffset at, string who, string action, string target, string volunteerId, string reason) =>
        AuditCollection.Insert(new HoursAuditEntry { At = at, Who = who, Action = action, Target = target, VolunteerId = volunteerId, Reason = reason });

    /// <summary>
    /// Runs <paramref name="work"/> in one LiteDB transaction (synchronously: never hold one across an await).
    /// Rolls back when it throws or returns false.
    /// </summary>
    /// <remarks>
    /// Lock order. LiteDB takes a collection's write lock at a transaction's first write to it and holds it to the
    /// commit, so two transactions writing two collections in opposite orders deadlock (until LiteDB's 60 s lock
    /// timeout; a redemption and a staff cancel once did). Every transaction here writes in this one order,
    /// skipping what it does not touch: <see cref="Records"/> → <see cref="Orders"/> → <see cref="Ledger"/> →
    /// <see cref="Corrections"/> → <see cref="Audit"/>. Reads take no lock and may come anywhere. Test: <c>LockOrderTests</c>.
    /// </remarks>
    public bool InTransaction(Func<bool> work)
    {
        if (!Db.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        var committed = false;
        try
        {
            if (!work()) return false;
            committed = Db.Commit();
            return committed;
        }
        finally
        {
            if (!committed) Db.Rollback();
        }
    }

    /// <summary>True for LiteDB's duplicate-key error (a source key or order number already present).</summary>
    public static bool IsDuplicateKey(LiteException e) => e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY;
}
