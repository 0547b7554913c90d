using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Audit.Postgres;

/// <summary>
/// The audit log in PostgreSQL (<c>audit_log</c>, migration 0007), append-only: the table refuses an update or a delete
/// (a trigger), so no code path can rewrite history. A line appended inside <see cref="PostgresRecords.InTransaction{T}"/>
/// commits or rolls back with the records it is about.
/// </summary>
public sealed class PostgresAuditStore(PostgresRecords records) : IAuditStore
{
    private const string Columns = "id AS Id, at AS At, actor AS Actor, action AS Action, subject AS Subject, detail AS Detail, owner AS Owner";

    private const string Insert =
        "INSERT INTO audit_log (id, at, actor, action, subject, detail, owner) VALUES (@Id, @At, @Actor, @Action, @Subject, @Detail, @Owner)";

    /// <summary>How <c>records copy</c> moves the log (ids kept).</summary>
    public static RecordsTableCopy<AuditEntry> Copy() => new(
        "audit_log", Insert, e => e,
        (c, t) => c.Query<AuditEntry>($"SELECT {Columns} FROM audit_log ORDER BY seq", transaction: t),
        identity: false,
        readLite: LiteDb.LiteAuditStore.ReadAll,
        writeLite: LiteDb.LiteAuditStore.Write);

    public void Append(AuditEntry entry)
    {
        entry.Id = RecordIds.New(entry.At); // seq orders lines of one second
        records.Use((c, t) => c.Execute(Insert, entry, t));
    }

    public IReadOnlyList<AuditEntry> Recent(int limit, string? subject, string? actor) => records.Use((c, t) => c.Query<AuditEntry>(
        $"SELECT {Columns} FROM audit_log WHERE (@subject IS NULL OR subject = @subject) AND (@actor IS NULL OR actor = @actor) ORDER BY at DESC, seq DESC LIMIT @limit",
        new { subject = string.IsNullOrEmpty(subject) ? null : subject, actor = string.IsNullOrEmpty(actor) ? null : actor, limit }, t).AsList());

    public IReadOnlyList<AuditEntry> Trail(string subject) => records.Use((c, t) =>
        c.Query<AuditEntry>($"SELECT {Columns} FROM audit_log WHERE subject = @subject ORDER BY at, seq", new { subject }, t).AsList());

    public void Keep(IEnumerable<AuditEntry> entries) => records.Use((c, t) =>
    {
        foreach (var entry in entries) c.Execute(Insert + " ON CONFLICT (id) DO NOTHING", entry, t);
        return 0;
    });
}
