using LiteDB;

namespace ChatAssistant.Audit.LiteDb;

/// <summary>The audit log as a LiteDB collection (<c>audit_log</c>).</summary>
public sealed class LiteAuditStore : IAuditStore
{
    public const string Collection = "audit_log";

    private readonly ILiteCollection<LiteAuditEntry> _entries;

    public LiteAuditStore(ILiteDatabase db)
    {
        _entries = db.GetCollection<LiteAuditEntry>(Collection);
        _entries.EnsureIndex(e => e.At);
        _entries.EnsureIndex(e => e.Subject);
    }

    public void Append(AuditEntry entry)
    {
        var stored = LiteAuditEntry.Of(entry);
        _entries.Insert(stored);
        entry.Id = stored.Id.ToString();
    }

    public IReadOnlyList<AuditEntry> Recent(int limit, string? subject, string? actor)
    {
        var query = _entries.Query();
        if (!string.IsNullOrEmpty(subject)) query = query.Where(e => e.Subject == subject);
        if (!string.IsNullOrEmpty(actor)) query = query.Where(e => e.Actor == actor);
        return query.OrderByDescending(e => e.At).Limit(limit).ToList().Select(e => e.ToEntry()).ToList();
    }

    public IReadOnlyList<AuditEntry> Trail(string subject) =>
        _entries.Find(e => e.Subject == subject).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.ToEntry()).ToList();

    public void Keep(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries) _entries.Upsert(LiteAuditEntry.Of(entry));
    }

    /// <summary>Every line of the file, for <c>records copy</c>.</summary>
    public static IEnumerable<AuditEntry> ReadAll(ILiteDatabase db) => db.GetCollection<LiteAuditEntry>(Collection).FindAll().Select(e => e.ToEntry());

    /// <summary>Writes a copied line with its id, for <c>records copy</c>.</summary>
    public static void Write(ILiteDatabase db, AuditEntry entry) => db.GetCollection<LiteAuditEntry>(Collection).Insert(LiteAuditEntry.Of(entry));
}

/// <summary>An audit line as the LiteDB file keeps it (<see cref="LiteAuditStore"/>): its id is the document's.</summary>
public sealed class LiteAuditEntry
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? Detail { get; set; }

    public string? Owner { get; set; }

    public static LiteAuditEntry Of(AuditEntry e) => new()
    {
        Id = Storage.LiteQuery.TryParseId(e.Id, out var id) ? id : ObjectId.NewObjectId(),
        At = e.At, Actor = e.Actor, Action = e.Action, Subject = e.Subject, Detail = e.Detail, Owner = e.Owner,
    };

    public AuditEntry ToEntry() => new() { Id = Id.ToString(), At = At, Actor = Actor, Action = Action, Subject = Subject, Detail = Detail, Owner = Owner };
}
