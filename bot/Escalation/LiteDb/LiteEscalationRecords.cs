using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Escalation.LiteDb;

/// <summary>
/// Escalations (<c>escalations</c>) and their transcript lines (<c>escalation_entries</c>) in the LiteDB file, ids kept
/// as the file's <c>ObjectId</c>s. One process owns the file, so this process's lock makes a change exclusive.
/// </summary>
public sealed class LiteEscalationRecords : IEscalationRecords
{
    public const string Collection = "escalations";
    public const string EntriesCollection = "escalation_entries";

    private readonly ILiteDatabase _db;
    private readonly LiteObjectIdDocuments<EscalationRecord> _records;
    private readonly LiteObjectIdDocuments<EscalationEntry> _entries;
    private readonly Lock _gate = new();

    public LiteEscalationRecords(ILiteDatabase db)
    {
        _db = db;
        _records = Records(db);
        _records.Collection.EnsureIndex(nameof(EscalationRecord.ConversationKey));
        _records.Collection.EnsureIndex(nameof(EscalationRecord.Status));
        _records.Collection.EnsureIndex(OpenIndex, OpenKey);
        _entries = Entries(db);
        _entries.Collection.EnsureIndex(nameof(EscalationEntry.EscalationId));
    }

    /// <summary>The escalations of a file, as records (also for <c>records copy</c>).</summary>
    public static LiteObjectIdDocuments<EscalationRecord> Records(ILiteDatabase db) => new(db, Collection);

    /// <summary>The transcript lines of a file, as records (also for <c>records copy</c> and the re-sealing of old lines).</summary>
    public static LiteObjectIdDocuments<EscalationEntry> Entries(ILiteDatabase db) => new(db, EntriesCollection, nameof(EscalationEntry.EscalationId));

    public T Together<T>(Func<T> work) => LiteTransaction.Exclusively(_db, _gate, work);

    // On every message of a conversation, so by an index of the open escalations alone: its key is the conversation's
    // while the escalation is open and null once resolved. A user who asked for a person many times has many resolved
    // ones, and an index on the conversation alone read each of them from the file on every message (6 % of the server's
    // samples in a profile of the load benchmark, whose users go to a person and back all the time).
    public EscalationRecord? FindOpen(string conversationKey) =>
        _records.FindOneWhere(new LiteQuery.Condition(OpenKey, "=", conversationKey));

    private const string OpenIndex = "OpenConversation";

    private static readonly LiteQuery.Condition NotResolved = LiteQuery.IsNot(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Resolved));

    private static readonly string OpenKey =
        $"IIF($.{nameof(EscalationRecord.Status)} = '{EscalationStatus.Resolved}', null, $.{nameof(EscalationRecord.ConversationKey)})";

    public EscalationRecord? Get(string id) => _records.Get(id);

    // Rare (pick-up rights), not indexed.
    public EscalationRecord? Latest(string channelId, string userId) =>
        _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.UserId), userId), LiteQuery.Is(nameof(EscalationRecord.ChannelId), channelId))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).FirstOrDefault();

    public (EscalationRecord Record, bool Created) Open(EscalationRecord candidate) => Together(() =>
    {
        if (FindOpen(candidate.ConversationKey) is { } existing) return (existing, false);
        _records.Insert(candidate);
        return (candidate, true);
    });

    public ChangeOutcome Change(string id, Func<EscalationRecord, string?> change) => Together(() =>
    {
        if (_records.Get(id) is not { } record) return new ChangeOutcome(null, "not-found");
        var refusal = change(record);
        if (refusal is not null) return new ChangeOutcome(record, refusal);
        _records.Update(record);
        return new ChangeOutcome(record, null);
    });

    public IReadOnlyList<EscalationRecord> All() => _records.All().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<EscalationRecord> Queue(DateTimeOffset resolvedSince)
    {
        var open = _records.FindWhere(NotResolved);
        var resolved = _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Resolved)),
            new LiteQuery.Condition(nameof(EscalationRecord.ResolvedAt), ">=", _records.Value(resolvedSince)));
        return open.Concat(resolved).ToList();
    }

    public int WaitingAhead(EscalationRecord record) =>
        _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Waiting))).Count(r => r.CreatedAt < record.CreatedAt && r.Id != record.Id);

    public void AddEntry(EscalationEntry entry) => _entries.Insert(entry);

    // Lines of one instant keep the order they were added in: their ids count up within this process.
    public IReadOnlyList<EscalationEntry> Entries(string escalationId) =>
        _entries.FindWhere(LiteQuery.Is(nameof(EscalationEntry.EscalationId), LiteObjectIdDocuments<EscalationEntry>.Id(escalationId)))
            .OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<EscalationRecord> ResolvedBefore(DateTimeOffset cutoff) =>
        _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Resolved)),
            new LiteQuery.Condition(nameof(EscalationRecord.ResolvedAt), "<", _records.Value(cutoff)), LiteQuery.Is(nameof(EscalationRecord.TranscriptDeletedAt), BsonValue.Null));

    public void Purge(EscalationRecord record, DateTimeOffset now) => Together(() =>
    {
        _entries.Collection.DeleteMany(BsonExpression.Create(nameof(EscalationEntry.EscalationId) + " = @0", LiteObjectIdDocuments<EscalationEntry>.Id(record.Id)));
        record.UserId = "";
        record.ConversationId = "";
        record.ConversationKey = "purged:" + record.Id;
        record.TranscriptDeletedAt = now;
        _records.Update(record);
        return true;
    });
}
