namespace ChatAssistant.Hours;

/// <summary>
/// The hours feature's records — hour records, the points ledger, redemption orders, correction requests (LiteDB:
/// <see cref="LiteDb.LiteHoursStore"/>; PostgreSQL: <see cref="Postgres.PostgresHoursStore"/>). The services hold the
/// rules; a change of several records runs in <see cref="Exclusively{T}"/>, one transaction with the audit line it
/// writes, taking turns with every other change of the same name on every instance.
/// </summary>
/// <remarks>
/// Write order inside a transaction (LiteDB holds a collection's write lock from its first write to the commit, so two
/// transactions writing in opposite orders deadlock): records → orders → ledger → corrections → the audit log, skipping
/// what is not touched. Test: <c>LockOrderTests</c>.
/// </remarks>
public interface IHoursStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction while no other call with the same <paramref name="name"/> runs,
    /// in this process or another instance ("import", "review", "volunteer:V001"…).
    /// </summary>
    T Exclusively<T>(string name, Func<T> work);

    HourRecord? FindRecord(string key);

    /// <summary>Records of a platform record id, any district.</summary>
    IReadOnlyList<HourRecord> RecordsWithId(string recordId);

    /// <summary>A volunteer's records, any status.</summary>
    IReadOnlyList<HourRecord> RecordsOf(string volunteerId);

    IReadOnlyList<HourRecord> FlaggedRecords();

    /// <summary>Records imported in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    IReadOnlyList<HourRecord> ImportedBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Adds a record; <see cref="Storage.DuplicateRecordException"/> when its key is held.</summary>
    void AddRecord(HourRecord record);

    void UpdateRecord(HourRecord record);

    IReadOnlyList<LedgerEntry> LedgerOf(string volunteerId);

    LedgerEntry? FindEntry(string key);

    /// <summary>Appends an entry; <see cref="Storage.DuplicateRecordException"/> when its source key is held (a replay).</summary>
    void AddEntry(LedgerEntry entry);

    /// <summary>Adds an order and gives it its id (its number is derived from the id by the caller, then updated).</summary>
    void AddOrder(RedemptionOrder order);

    RedemptionOrder? FindOrder(string orderNo);

    /// <summary>Orders of one status (null: all), newest first.</summary>
    IReadOnlyList<RedemptionOrder> Orders(OrderStatus? status);

    /// <summary>A volunteer's orders, oldest first.</summary>
    IReadOnlyList<RedemptionOrder> OrdersOf(string volunteerId);

    /// <summary>Orders placed in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    IReadOnlyList<RedemptionOrder> PlacedBetween(DateTimeOffset from, DateTimeOffset to);

    void UpdateOrder(RedemptionOrder order);

    /// <summary>Adds a correction request and gives it its id.</summary>
    void AddCorrection(HoursCorrection correction);

    HoursCorrection? FindCorrection(int id);

    /// <summary>A volunteer's requests, oldest first.</summary>
    IReadOnlyList<HoursCorrection> CorrectionsOf(string volunteerId);

    /// <summary>Open requests, oldest first.</summary>
    IReadOnlyList<HoursCorrection> OpenCorrections();

    void UpdateCorrection(HoursCorrection correction);
}
