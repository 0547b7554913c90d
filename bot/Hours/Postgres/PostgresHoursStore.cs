using System.Text.Json;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;
using Npgsql;

namespace ChatAssistant.Hours.Postgres;

/// <summary>
/// The hours feature's records in PostgreSQL (<c>hour_records</c>, <c>hour_ledger</c>, <c>hour_orders</c>,
/// <c>hour_corrections</c>, migration 0007). <see cref="Exclusively{T}"/> is a transaction holding an advisory lock
/// named after the change (a volunteer's redemptions, imports, decisions), so "read the balance, then write the order"
/// takes turns on every instance and points never go below zero; a ledger entry's source key is its primary key, so a
/// replay meets it. Nothing is cached: several instances write these rows.
/// </summary>
public sealed class PostgresHoursStore(PostgresRecords records) : IHoursStore
{
    // The rules that fired on a record are one jsonb column, read straight into HourRecord.Flags.
    static PostgresHoursStore() => SqlMapper.AddTypeHandler(new FlagsHandler());

    private const string RecordColumns =
        "key AS Key, record_id AS RecordId, district AS District, volunteer_id AS VolunteerId, activity AS Activity, organiser AS Organiser, " +
        "date AS Date, start_minute AS StartMinute, end_minute AS EndMinute, hours AS Hours, status AS Status, flags::text AS Flags, " +
        "import_id AS ImportId, imported_at AS ImportedAt";

    private const string EntryColumns =
        "key AS Key, volunteer_id AS VolunteerId, kind AS Kind, hours AS Hours, points AS Points, coalesce(activity_date, '') AS ActivityDate, " +
        "ref AS Ref, at AS At, by AS By";

    private const string OrderColumns =
        "id AS Id, order_no AS OrderNo, volunteer_id AS VolunteerId, item_id AS ItemId, item_name AS ItemName, points AS Points, status AS Status, " +
        "placed_at AS PlacedAt, closed_at AS ClosedAt, closed_by AS ClosedBy, cancel_reason AS CancelReason";

    private const string CorrectionColumns =
        "id AS Id, volunteer_id AS VolunteerId, district AS District, channel_id AS ChannelId, user_id AS UserId, record_key AS RecordKey, " +
        "record_id AS RecordId, date AS Date, text AS Text, status AS Status, created_at AS CreatedAt, resolved_at AS ResolvedAt, " +
        "resolved_by AS ResolvedBy, reply AS Reply";

    private const string InsertRecord =
        "INSERT INTO hour_records (key, record_id, district, volunteer_id, activity, organiser, date, start_minute, end_minute, hours, status, flags, import_id, imported_at) " +
        "VALUES (@Key, @RecordId, @District, @VolunteerId, @Activity, @Organiser, @Date, @StartMinute, @EndMinute, @Hours, @Status, @Flags::jsonb, @ImportId, @ImportedAt)";

    private const string InsertEntry =
        "INSERT INTO hour_ledger (key, volunteer_id, kind, hours, points, activity_date, ref, at, by) " +
        "VALUES (@Key, @VolunteerId, @Kind, @Hours, @Points, @ActivityDate, @Ref, @At, @By)";

    private const string InsertOrder =
        "INSERT INTO hour_orders ({0}order_no, volunteer_id, item_id, item_name, points, status, placed_at, closed_at, closed_by, cancel_reason) " +
        "VALUES ({1}@OrderNo, @VolunteerId, @ItemId, @ItemName, @Points, @Status, @PlacedAt, @ClosedAt, @ClosedBy, @CancelReason)";

    private const string InsertCorrection =
        "INSERT INTO hour_corrections ({0}volunteer_id, district, channel_id, user_id, record_key, record_id, date, text, status, created_at, resolved_at, resolved_by, reply) " +
        "VALUES ({1}@VolunteerId, @District, @ChannelId, @UserId, @RecordKey, @RecordId, @Date, @Text, @Status, @CreatedAt, @ResolvedAt, @ResolvedBy, @Reply)";

    // Two-key advisory locks: the first names what is locked (a change of the hours feature), the second which one.
    private const int LockSpace = 0x484F_5552; // "HOUR"

    /// <summary>How <c>records copy</c> moves the feature's four tables (ids and keys kept).</summary>
    public static IEnumerable<IRecordsTableCopy> Copies() =>
    [
        new RecordsTableCopy<HourRecord>("hour_records", InsertRecord, RecordRow,
            (c, t) => c.Query<HourRecord>($"SELECT {RecordColumns} FROM hour_records ORDER BY key", transaction: t), identity: false),
        new RecordsTableCopy<LedgerEntry>("hour_ledger", InsertEntry, EntryRow,
            (c, t) => c.Query<LedgerEntry>($"SELECT {EntryColumns} FROM hour_ledger ORDER BY key", transaction: t), identity: false),
        new RecordsTableCopy<RedemptionOrder>("hour_orders", Format(InsertOrder, "id, ", "@Id, "), OrderRow,
            (c, t) => c.Query<RedemptionOrder>($"SELECT {OrderColumns} FROM hour_orders ORDER BY id", transaction: t), identity: true),
        new RecordsTableCopy<HoursCorrection>("hour_corrections", Format(InsertCorrection, "id, ", "@Id, "), CorrectionRow,
            (c, t) => c.Query<HoursCorrection>($"SELECT {CorrectionColumns} FROM hour_corrections ORDER BY id", transaction: t), identity: true),
    ];

    private static string Format(string sql, string column, string value) => string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, column, value);

    // Enums by name (Dapper would send the number), the rules that fired as JSON.
    private static object RecordRow(HourRecord r) => new
    {
        r.Key, r.RecordId, r.District, r.VolunteerId, r.Activity, r.Organiser, r.Date, r.StartMinute, r.EndMinute, r.Hours,
        Status = r.Status.ToString(), Flags = JsonSerializer.Serialize(r.Flags), r.ImportId, r.ImportedAt,
    };

    private static object EntryRow(LedgerEntry e) =>
        new { e.Key, e.VolunteerId, Kind = e.Kind.ToString(), e.Hours, e.Points, e.ActivityDate, e.Ref, e.At, e.By };

    private static object OrderRow(RedemptionOrder o) => new
    {
        o.Id, o.OrderNo, o.VolunteerId, o.ItemId, o.ItemName, o.Points, Status = o.Status.ToString(), o.PlacedAt, o.ClosedAt, o.ClosedBy, o.CancelReason,
    };

    private static object CorrectionRow(HoursCorrection c) => new
    {
        c.Id, c.VolunteerId, c.District, c.ChannelId, c.UserId, c.RecordKey, c.RecordId, c.Date, c.Text, Status = c.Status.ToString(),
        c.CreatedAt, c.ResolvedAt, c.ResolvedBy, c.Reply,
    };

    public T Exclusively<T>(string name, Func<T> work) => records.Exclusively(LockSpace, name, work);

    public HourRecord? FindRecord(string key) => QueryRecords("WHERE key = @key", new { key }).SingleOrDefault();

    public IReadOnlyList<HourRecord> RecordsWithId(string recordId) => QueryRecords("WHERE record_id = @recordId", new { recordId });

    public IReadOnlyList<HourRecord> RecordsOf(string volunteerId) => QueryRecords("WHERE volunteer_id = @volunteerId", new { volunteerId });

    public IReadOnlyList<HourRecord> FlaggedRecords() => QueryRecords("WHERE status = 'Flagged'", null);

    public IReadOnlyList<HourRecord> ImportedBetween(DateTimeOffset from, DateTimeOffset to) =>
        QueryRecords("WHERE imported_at >= @from AND imported_at < @to", new { from = PostgresLimits.Clamp(from), to = PostgresLimits.Clamp(to) });

    private List<HourRecord> QueryRecords(string where, object? parameters) => records.Use((c, t) =>
        c.Query<HourRecord>($"SELECT {RecordColumns} FROM hour_records {where}", parameters, t).AsList());

    public void AddRecord(HourRecord record) => Unique(() => records.Use((c, t) => c.Execute(InsertRecord, RecordRow(record), t)));

    public void UpdateRecord(HourRecord record) => records.Use((c, t) => c.Execute(
        "UPDATE hour_records SET record_id = @RecordId, district = @District, volunteer_id = @VolunteerId, activity = @Activity, organiser = @Organiser, " +
        "date = @Date, start_minute = @StartMinute, end_minute = @EndMinute, hours = @Hours, status = @Status, flags = @Flags::jsonb, " +
        "import_id = @ImportId, imported_at = @ImportedAt WHERE key = @Key", RecordRow(record), t));

    public IReadOnlyList<LedgerEntry> LedgerOf(string volunteerId) => records.Use((c, t) =>
        c.Query<LedgerEntry>($"SELECT {EntryColumns} FROM hour_ledger WHERE volunteer_id = @volunteerId", new { volunteerId }, t).AsList());

    public LedgerEntry? FindEntry(string key) => records.Use((c, t) =>
        c.QuerySingleOrDefault<LedgerEntry>($"SELECT {EntryColumns} FROM hour_ledger WHERE key = @key", new { key }, t));

    public void AddEntry(LedgerEntry entry) => Unique(() => records.Use((c, t) => c.Execute(InsertEntry, EntryRow(entry), t)));

    public void AddOrder(RedemptionOrder order) =>
        order.Id = records.Use((c, t) => c.ExecuteScalar<int>(Format(InsertOrder, "", "") + " RETURNING id", OrderRow(order), t));

    public RedemptionOrder? FindOrder(string orderNo) => QueryOrders("WHERE order_no = @orderNo", new { orderNo }).SingleOrDefault();

    public IReadOnlyList<RedemptionOrder> Orders(OrderStatus? status) => status is null
        ? QueryOrders("ORDER BY id DESC", null)
        : QueryOrders("WHERE status = @status ORDER BY id DESC", new { status = status.Value.ToString() });

    public IReadOnlyList<RedemptionOrder> OrdersOf(string volunteerId) => QueryOrders("WHERE volunteer_id = @volunteerId ORDER BY id", new { volunteerId });

    public IReadOnlyList<RedemptionOrder> PlacedBetween(DateTimeOffset from, DateTimeOffset to) =>
        QueryOrders("WHERE placed_at >= @from AND placed_at < @to ORDER BY id", new { from = PostgresLimits.Clamp(from), to = PostgresLimits.Clamp(to) });

    private List<RedemptionOrder> QueryOrders(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<RedemptionOrder>($"SELECT {OrderColumns} FROM hour_orders {rest}", parameters, t).AsList());

    public void UpdateOrder(RedemptionOrder order) => records.Use((c, t) => c.Execute(
        "UPDATE hour_orders SET order_no = @OrderNo, status = @Status, closed_at = @ClosedAt, closed_by = @ClosedBy, cancel_reason = @CancelReason WHERE id = @Id",
        OrderRow(order), t));

    public void AddCorrection(HoursCorrection correction) =>
        correction.Id = records.Use((c, t) => c.ExecuteScalar<int>(Format(InsertCorrection, "", "") + " RETURNING id", CorrectionRow(correction), t));

    public HoursCorrection? FindCorrection(int id) => QueryCorrections("WHERE id = @id", new { id }).SingleOrDefault();

    public IReadOnlyList<HoursCorrection> CorrectionsOf(string volunteerId) => QueryCorrections("WHERE volunteer_id = @volunteerId ORDER BY id", new { volunteerId });

    public IReadOnlyList<HoursCorrection> OpenCorrections() => QueryCorrections("WHERE status = 'Open' ORDER BY id", null);

    private List<HoursCorrection> QueryCorrections(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<HoursCorrection>($"SELECT {CorrectionColumns} FROM hour_corrections {rest}", parameters, t).AsList());

    public void UpdateCorrection(HoursCorrection correction) => records.Use((c, t) => c.Execute(
        "UPDATE hour_corrections SET district = @District, record_key = @RecordKey, record_id = @RecordId, date = @Date, text = @Text, status = @Status, " +
        "resolved_at = @ResolvedAt, resolved_by = @ResolvedBy, reply = @Reply WHERE id = @Id", CorrectionRow(correction), t));

    private static void Unique(Func<int> insert)
    {
        try
        {
            insert();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateRecordException("The record's key is held already.", e);
        }
    }

    private sealed class FlagsHandler : SqlMapper.TypeHandler<List<RuleFlag>>
    {
        public override void SetValue(System.Data.IDbDataParameter parameter, List<RuleFlag>? value) => parameter.Value = JsonSerializer.Serialize(value ?? []);

        public override List<RuleFlag> Parse(object value) => JsonSerializer.Deserialize<List<RuleFlag>>((string)value) ?? [];
    }
}
