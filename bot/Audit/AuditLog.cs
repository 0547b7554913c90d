using LiteDB;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Audit;

/// <summary>One line of the audit log: who did what to which record, and when. Never holds personal data.</summary>
public sealed class AuditEntry
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public DateTimeOffset At { get; set; }

    /// <summary>Who acted: "staff:alice", "user", "system:retention".</summary>
    public string Actor { get; set; } = "";

    /// <summary>What they did: "ticket.view", "ticket.status", "ticket.withdraw"…</summary>
    public string Action { get; set; } = "";

    /// <summary>The record acted on: "ticket:QQ000012".</summary>
    public string Subject { get; set; } = "";

    /// <summary>A short non-personal detail ("Acknowledged → InProgress").</summary>
    public string? Detail { get; set; }
}

/// <summary>
/// The append-only audit log in LiteDB (who looked at or changed what). Features record views of
/// personal data and every staff change here; admins read it through <c>GET /api/staff/audit</c>.
/// </summary>
public sealed class AuditLog
{
    public const string Collection = "audit_log";

    private readonly ILiteCollection<AuditEntry> _entries;
    private readonly TimeProvider _time;


    public AuditLog(ILiteDatabase db, TimeProvider time)
    {
        _time = time;
        _entries = db.GetCollection<AuditEntry>(Collection);
        _entries.EnsureIndex(e => e.At);
        _entries.EnsureIndex(e => e.Subject);
    }

    /// <summary>Appends one entry. <paramref name="detail"/> must not contain personal data.</summary>
    public AuditEntry Record(string actor, string action, string subject, string? detail = null)
    {
        var entry = new AuditEntry { At = _time.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Detail = detail };
        _entries.Insert(entry);
        return entry;
    }

    /// <summary>The newest entries first, optionally only those about <paramref name="subject"/> or by <paramref name="actor"/>.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit = 100, string? subject = null, string? actor = null)
    {
        var query = _entries.Query();
        if (!string.IsNullOrEmpty(subject)) query = query.Where(e => e.Subject == subject);
        if (!string.IsNullOrEmpty(actor)) query = query.Where(e => e.Actor == actor);
        return query.OrderByDescending(e => e.At).Limit(Math.Clamp(limit, 1, 1000)).ToList();
    }

    /// <summary>Registers the audit log (safe to call from several features).</summary>
    public static void Register(IServiceCollection services) => services.TryAddSingleton<AuditLog>();
}
