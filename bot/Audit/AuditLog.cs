
namespace ChatAssistant.Audit;

/// <summary>
/// The append-only audit log (who looked at or changed what), kept in <see cref="IAuditStore"/> (LiteDB or PostgreSQL): the only one. Features record views of
/// personal data and every staff change here; admins read it through <c>GET /api/staff/audit</c>.
/// </summary>
/// <remarks>
/// A transaction that writes other records with its audit line writes the audit line last (the lock order of every
/// transaction that includes one, e.g. the hours feature's decisions).
/// </remarks>
public sealed class AuditLog
{
    private readonly IAuditStore _store;
    private readonly TimeProvider _time;

    public AuditLog(IAuditStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>
    /// Appends one entry. <paramref name="detail"/> must not contain personal data; <paramref name="owner"/> names
    /// whose record <paramref name="subject"/> is, when it is someone's.
    /// </summary>
    public AuditEntry Record(string actor, string action, string subject, string? detail = null, string? owner = null)
    {
        var entry = new AuditEntry { At = _time.GetUtcNow(), Actor = actor, Action = action, Subject = subject, Detail = detail, Owner = owner };
        _store.Append(entry);
        return entry;
    }

    /// <summary>The newest entries first, optionally only those about <paramref name="subject"/> or by <paramref name="actor"/>.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit = 100, string? subject = null, string? actor = null)
        => _store.Recent(Math.Clamp(limit, 1, 1000), subject, actor);

    /// <summary>Every entry about <paramref name="subject"/>, oldest first: the record's trail.</summary>
    public IReadOnlyList<AuditEntry> Trail(string subject) => _store.Trail(subject);

    /// <summary>
    /// Takes in entries of a log kept elsewhere before (with their ids and times): moving them twice keeps one copy.
    /// </summary>
    internal void Keep(IEnumerable<AuditEntry> entries) => _store.Keep(entries);
}
