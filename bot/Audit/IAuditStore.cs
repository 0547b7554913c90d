namespace ChatAssistant.Audit;

/// <summary>
/// Where the audit log's lines are kept (LiteDB: <see cref="LiteDb.LiteAuditStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresAuditStore"/>): appended, never changed. A line written inside a transaction of the same
/// records (the hours feature's decisions) is part of it.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends a line and gives it its id (24 hex digits, increasing).</summary>
    void Append(AuditEntry entry);

    /// <summary>The newest lines first, optionally only those about <paramref name="subject"/> or by <paramref name="actor"/>.</summary>
    IReadOnlyList<AuditEntry> Recent(int limit, string? subject, string? actor);

    /// <summary>Every line about <paramref name="subject"/>, oldest first.</summary>
    IReadOnlyList<AuditEntry> Trail(string subject);

    /// <summary>Takes in lines of a log kept elsewhere before, with their ids and times: taking one twice keeps one copy.</summary>
    void Keep(IEnumerable<AuditEntry> entries);
}
