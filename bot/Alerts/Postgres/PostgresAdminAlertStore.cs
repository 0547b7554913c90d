using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Alerts.Postgres;

/// <summary>The admin alerts in PostgreSQL (<c>admin_alerts</c>, migration 0010): what any instance raised, every console lists.</summary>
public sealed class PostgresAdminAlertStore(PostgresRecords records) : IAdminAlertStore
{
    private const string Columns = "id AS Id, at AS At, kind AS Kind, message AS Message, until AS Until";

    private const string Insert = "INSERT INTO admin_alerts (id, at, kind, message, until) VALUES (@Id, @At, @Kind, @Message, @Until)";

    /// <summary>How <c>records copy</c> moves the alerts (ids kept).</summary>
    public static RecordsTableCopy<AdminAlert> Copy() => new(
        LiteDb.LiteAdminAlertStore.Collection, Insert, a => a,
        (c, t) => c.Query<AdminAlert>($"SELECT {Columns} FROM admin_alerts ORDER BY at, id", transaction: t),
        identity: false,
        readLite: db => LiteDb.LiteAdminAlertStore.Documents(db).All(),
        writeLite: (db, a) => LiteDb.LiteAdminAlertStore.Documents(db).Insert(a));

    public void Add(AdminAlert alert)
    {
        alert.Id = RecordIds.New(alert.At);
        records.Use((c, t) => c.Execute(Insert, alert, t));
    }

    public int DeleteBefore(DateTimeOffset cutoff) => records.Use((c, t) =>
        c.Execute("DELETE FROM admin_alerts WHERE at < @cutoff", new { cutoff = PostgresLimits.Clamp(cutoff) }, t));

    public IReadOnlyList<AdminAlert> Recent(int limit) => records.Use((c, t) =>
        c.Query<AdminAlert>($"SELECT {Columns} FROM admin_alerts ORDER BY at DESC, id DESC LIMIT @limit", new { limit }, t).AsList());

    public bool RaisedSince(string kind, DateTimeOffset since) => records.Use((c, t) =>
        c.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM admin_alerts WHERE kind = @kind AND at >= @since)", new { kind, since = PostgresLimits.Clamp(since) }, t));
}
