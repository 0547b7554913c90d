using System.Text.Json;
using System.Text.Json.Serialization;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;
using Npgsql;

namespace ChatAssistant.Escalation.Postgres;

/// <summary>
/// Escalations and their transcript lines in PostgreSQL (<c>escalations</c>, <c>escalation_entries</c>, migration
/// 0012), each a JSON document with what is searched beside it as columns. One open escalation per conversation is the
/// table's own rule (a unique index over the open ones); opening one and changing one take a transaction-scoped advisory
/// lock named after the conversation or the escalation, so two instances take turns and a change reads the record again.
/// </summary>
public sealed class PostgresEscalationRecords(PostgresRecords records) : IEscalationRecords
{
    private const int LockSpace = 0x4553_434C; // "ESCL"

    private const string InsertRecord =
        "INSERT INTO escalations (id, conversation_key, channel_id, user_id, status, created_at, resolved_at, transcript_deleted_at, doc) " +
        "VALUES (@Id, @ConversationKey, @ChannelId, @UserId, @Status, @CreatedAt, @ResolvedAt, @TranscriptDeletedAt, @doc::jsonb)";

    private const string InsertEntry = "INSERT INTO escalation_entries (id, escalation_id, at, doc) VALUES (@Id, @EscalationId, @At, @doc::jsonb)";

    private const string SelectRecords = "SELECT doc::text FROM escalations";

    /// <summary>How <c>records copy</c> moves the escalations (ids kept: transcript lines are bound to them).</summary>
    public static RecordsTableCopy<EscalationRecord> CopyRecords() => new(
        LiteDb.LiteEscalationRecords.Collection, InsertRecord, RecordRow,
        (c, t) => c.Query<string>($"{SelectRecords} ORDER BY created_at, id", transaction: t).Select(Read<EscalationRecord>),
        identity: false,
        readLite: db => LiteDb.LiteEscalationRecords.Records(db).All().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal),
        writeLite: (db, r) => LiteDb.LiteEscalationRecords.Records(db).Insert(r));

    /// <summary>How <c>records copy</c> moves the transcript lines (ids kept, texts still sealed; oldest first, so their order is kept).</summary>
    public static RecordsTableCopy<EscalationEntry> CopyEntries() => new(
        LiteDb.LiteEscalationRecords.EntriesCollection, InsertEntry, EntryRow,
        (c, t) => c.Query<string>("SELECT doc::text FROM escalation_entries ORDER BY seq", transaction: t).Select(Read<EscalationEntry>),
        identity: false,
        readLite: db => LiteDb.LiteEscalationRecords.Entries(db).All().OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal),
        writeLite: (db, e) => LiteDb.LiteEscalationRecords.Entries(db).Insert(e));

    private static object RecordRow(EscalationRecord r) => new
    {
        r.Id, r.ConversationKey, r.ChannelId, r.UserId, Status = r.Status.ToString(), r.CreatedAt, r.ResolvedAt, r.TranscriptDeletedAt,
        doc = JsonSerializer.Serialize(r, PostgresJson.Options),
    };

    private static object EntryRow(EscalationEntry e) => new { e.Id, e.EscalationId, e.At, doc = JsonSerializer.Serialize(e, PostgresJson.Options) };

    private static T Read<T>(string doc) => JsonSerializer.Deserialize<T>(doc, PostgresJson.Options)!;

    public T Together<T>(Func<T> work) => records.InTransaction((_, _) => work());

    public EscalationRecord? FindOpen(string conversationKey) =>
        Records("WHERE conversation_key = @conversationKey AND status <> 'Resolved'", new { conversationKey }).FirstOrDefault();

    public EscalationRecord? Get(string id) => Records("WHERE id = @id", new { id }).FirstOrDefault();

    public EscalationRecord? Latest(string channelId, string userId) =>
        Records("WHERE user_id = @userId AND channel_id = @channelId ORDER BY created_at DESC, id DESC LIMIT 1", new { userId, channelId }).FirstOrDefault();

    public (EscalationRecord Record, bool Created) Open(EscalationRecord candidate) =>
        records.Exclusively(LockSpace, "conversation:" + candidate.ConversationKey, () =>
        {
            if (FindOpen(candidate.ConversationKey) is { } existing) return (existing, false);
            records.Use((c, t) => c.Execute(InsertRecord, RecordRow(candidate), t));
            return (candidate, true);
        });

    public ChangeOutcome Change(string id, Func<EscalationRecord, string?> change) =>
        records.Exclusively(LockSpace, "escalation:" + id, () =>
        {
            if (Get(id) is not { } record) return new ChangeOutcome(null, "not-found");
            var refusal = change(record);
            if (refusal is not null) return new ChangeOutcome(record, refusal);
            Update(record);
            return new ChangeOutcome(record, null);
        });

    public IReadOnlyList<EscalationRecord> All() => Records("ORDER BY created_at, id", null);

    public IReadOnlyList<EscalationRecord> Queue(DateTimeOffset resolvedSince) =>
        Records("WHERE status <> 'Resolved' OR resolved_at >= @resolvedSince ORDER BY created_at, id", new { resolvedSince = PostgresLimits.Clamp(resolvedSince) });

    public int WaitingAhead(EscalationRecord record) => records.Use((c, t) => c.ExecuteScalar<int>(
        "SELECT count(*) FROM escalations WHERE status = 'Waiting' AND created_at < @CreatedAt AND id <> @Id", new { record.CreatedAt, record.Id }, t));

    public void AddEntry(EscalationEntry entry)
    {
        try
        {
            records.Use((c, t) => c.Execute(InsertEntry, EntryRow(entry), t));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateRecordException("This transcript line is stored already.", e);
        }
    }

    public IReadOnlyList<EscalationEntry> Entries(string escalationId) => records.Use((c, t) =>
        c.Query<string>("SELECT doc::text FROM escalation_entries WHERE escalation_id = @escalationId ORDER BY at, seq", new { escalationId }, t)
            .Select(Read<EscalationEntry>).ToList());

    public IReadOnlyList<EscalationRecord> ResolvedBefore(DateTimeOffset cutoff) =>
        Records("WHERE status = 'Resolved' AND transcript_deleted_at IS NULL AND resolved_at < @cutoff ORDER BY resolved_at", new { cutoff = PostgresLimits.Clamp(cutoff) });

    public void Purge(EscalationRecord record, DateTimeOffset now) => records.Exclusively(LockSpace, "escalation:" + record.Id, () =>
    {
        records.Use((c, t) => c.Execute("DELETE FROM escalation_entries WHERE escalation_id = @Id", new { record.Id }, t));
        record.UserId = "";
        record.ConversationId = "";
        record.ConversationKey = "purged:" + record.Id;
        record.TranscriptDeletedAt = now;
        Update(record);
        return true;
    });

    private void Update(EscalationRecord record) => records.Use((c, t) => c.Execute(
        "UPDATE escalations SET conversation_key = @ConversationKey, channel_id = @ChannelId, user_id = @UserId, status = @Status, " +
        "resolved_at = @ResolvedAt, transcript_deleted_at = @TranscriptDeletedAt, doc = @doc::jsonb WHERE id = @Id", RecordRow(record), t));

    private List<EscalationRecord> Records(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<string>($"{SelectRecords} {rest}", parameters, t).Select(Read<EscalationRecord>).ToList());
}
