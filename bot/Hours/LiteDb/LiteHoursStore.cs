using System.Collections.Concurrent;
using ChatAssistant.Audit;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Hours.LiteDb;

/// <summary>
/// The hours feature's records in the LiteDB file (<c>hour_records</c>, <c>hour_ledger</c>, <c>hour_orders</c>,
/// <c>hour_corrections</c>). One process owns the file, so a lock of this process per name makes
/// <see cref="Exclusively{T}"/> exclusive; its transaction includes the audit line (the audit log is in the same file).
/// </summary>
public sealed class LiteHoursStore : IHoursStore
{
    public const string RecordCollection = "hour_records";
    public const string LedgerCollection = "hour_ledger";
    public const string OrderCollection = "hour_orders";
    public const string CorrectionCollection = "hour_corrections";

    /// <summary>The feature's own audit log of versions before it wrote into the one audit log; moved there at start.</summary>
    public const string LegacyAudit = "hour_audit";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<HourRecord> _records;
    private readonly ILiteCollection<LedgerEntry> _ledger;
    private readonly ILiteCollection<RedemptionOrder> _orders;
    private readonly ILiteCollection<HoursCorrection> _corrections;
    private readonly ConcurrentDictionary<string, Lock> _gates = new(StringComparer.Ordinal);

    public LiteHoursStore(ILiteDatabase db, IVolunteerDirectory volunteers, AuditLog audit)
    {
        _db = db;
        _records = db.GetCollection<HourRecord>(RecordCollection);
        _ledger = db.GetCollection<LedgerEntry>(LedgerCollection);
        _orders = db.GetCollection<RedemptionOrder>(OrderCollection);
        _corrections = db.GetCollection<HoursCorrection>(CorrectionCollection);
        _records.EnsureIndex(r => r.VolunteerId);
        _records.EnsureIndex(r => r.Status);
        _records.EnsureIndex(r => r.RecordId);
        KeepLegacyRecordsInTheirDistrict(volunteers);
        _ledger.EnsureIndex(e => e.VolunteerId);
        _orders.EnsureIndex(o => o.OrderNo); // unique by construction: derived from the auto id
        _orders.EnsureIndex(o => o.VolunteerId);
        _orders.EnsureIndex(o => o.Status);
        _corrections.EnsureIndex(c => c.VolunteerId);
        _corrections.EnsureIndex(c => c.Status);
        HoursAudit.MoveLegacyLog(db, audit);
    }

    // Records of versions before ids were kept per district have no RecordId field (their id was the record id) and
    // no district. They keep their key (their ledger entries and audit rows name it) and get the record id and their
    // volunteer's district now, once; afterwards none is left to find.
    private void KeepLegacyRecordsInTheirDistrict(IVolunteerDirectory volunteers)
    {
        var legacy = _records.Find(Query.EQ(nameof(HourRecord.RecordId), BsonValue.Null)).ToList();
        foreach (var record in legacy)
        {
            record.RecordId = record.Key;
            record.District = volunteers.DistrictOf(record.VolunteerId);
            _records.Update(record);
        }
    }

    public T Exclusively<T>(string name, Func<T> work) => LiteTransaction.Exclusively(_db, _gates.GetOrAdd(name, _ => new Lock()), work);

    public HourRecord? FindRecord(string key) => _records.FindById(key);

    public IReadOnlyList<HourRecord> RecordsWithId(string recordId) => _records.FindWhere(LiteQuery.Is(nameof(HourRecord.RecordId), recordId));

    public IReadOnlyList<HourRecord> RecordsOf(string volunteerId) => _records.FindWhere(LiteQuery.Is(nameof(HourRecord.VolunteerId), volunteerId));

    public IReadOnlyList<HourRecord> FlaggedRecords() => _records.Find(r => r.Status == RecordStatus.Flagged).ToList();

    public IReadOnlyList<HourRecord> ImportedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _records.FindAll().Where(r => r.ImportedAt >= from && r.ImportedAt < to).ToList();

    public void AddRecord(HourRecord record) => Unique(() => _records.Insert(record));

    public void UpdateRecord(HourRecord record) => _records.Update(record);

    public IReadOnlyList<LedgerEntry> LedgerOf(string volunteerId) => _ledger.FindWhere(LiteQuery.Is(nameof(LedgerEntry.VolunteerId), volunteerId));

    public LedgerEntry? FindEntry(string key) => _ledger.FindById(key);

    public void AddEntry(LedgerEntry entry) => Unique(() => _ledger.Insert(entry));

    public void AddOrder(RedemptionOrder order) => _orders.Insert(order);

    public RedemptionOrder? FindOrder(string orderNo) => _orders.FindOne(o => o.OrderNo == orderNo);

    public IReadOnlyList<RedemptionOrder> Orders(OrderStatus? status) =>
        (status is null ? _orders.FindAll() : _orders.Find(o => o.Status == status.Value)).OrderByDescending(o => o.Id).ToList();

    public IReadOnlyList<RedemptionOrder> OrdersOf(string volunteerId) => _orders.Find(o => o.VolunteerId == volunteerId).OrderBy(o => o.Id).ToList();

    public IReadOnlyList<RedemptionOrder> PlacedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _orders.FindAll().Where(o => o.PlacedAt >= from && o.PlacedAt < to).ToList();

    public void UpdateOrder(RedemptionOrder order) => _orders.Update(order);

    public void AddCorrection(HoursCorrection correction) => _corrections.Insert(correction);

    public HoursCorrection? FindCorrection(int id) => _corrections.FindById(id);

    public IReadOnlyList<HoursCorrection> CorrectionsOf(string volunteerId) =>
        _corrections.FindWhere(LiteQuery.Is(nameof(HoursCorrection.VolunteerId), volunteerId)).OrderBy(c => c.Id).ToList();

    public IReadOnlyList<HoursCorrection> OpenCorrections() =>
        _corrections.FindWhere(LiteQuery.Is(nameof(HoursCorrection.Status), LiteQuery.Name(CorrectionStatus.Open))).OrderBy(c => c.Id).ToList();

    public void UpdateCorrection(HoursCorrection correction) => _corrections.Update(correction);

    private static void Unique(Func<object> insert)
    {
        try
        {
            insert();
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateRecordException("The record's key is held already.", e);
        }
    }
}
