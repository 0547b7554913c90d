using ChatAssistant.Storage;
using ChatAssistant.Security;
using LiteDB;

namespace ChatAssistant.Escalation;

/// <summary>
/// Escalations and their transcripts in LiteDB. Record changes go through <see cref="Change"/>, which reads,
/// checks and writes under one lock, so two staff members cannot both claim the same conversation.
/// Transcript entries are only ever inserted, never rewritten.
/// </summary>
public sealed class EscalationStore
{
    public const string Collection = "escalations";
    public const string EntriesCollection = "escalation_entries";

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<EscalationRecord> _records;
    private readonly ILiteCollection<EscalationEntry> _entries;
    private readonly FieldCipher _cipher;
    private readonly ILogger<EscalationStore> _log;
    private readonly object _gate = new();

    public EscalationStore(ILiteDatabase db, FieldCipher cipher, ILogger<EscalationStore> log)
    {
        _db = db;
        _records = db.GetCollection<EscalationRecord>(Collection);
        _records.EnsureIndex(r => r.ConversationKey);
        _records.EnsureIndex(r => r.Status);
        _cipher = cipher;
        _log = log;
        _entries = db.GetCollection<EscalationEntry>(EntriesCollection);
        _entries.EnsureIndex(e => e.EscalationId);
    }

    /// <summary>
    /// Runs the writes of one action (an escalation opened with the message that led to it and the wait notice;
    /// ended with the user's last line and the goodbye) as one transaction: saved together or not at all, with
    /// one commit in LiteDB's log instead of one per record. The store's lock is taken first, then the
    /// transaction, the order <see cref="Open"/> and <see cref="Change"/> use, so the two cannot deadlock.
    /// Synchronous only (LiteDB's transaction belongs to the thread).
    /// </summary>
    public T Together<T>(Func<T> work)
    {
        lock (_gate) return LiteTransaction.Run(_db, work);
    }

    /// <inheritdoc cref="Together{T}(Func{T})"/>
    public void Together(Action work)
    {
        lock (_gate) LiteTransaction.Run(_db, work);
    }

    /// <summary>Puts a message of the user on the transcript and notes when they last wrote, together.</summary>
    public void AddUserLine(ObjectId escalationId, string text, DateTimeOffset at, bool selfService = false) => Together(() =>
    {
        Add(new EscalationEntry { EscalationId = escalationId, Kind = EntryKind.User, At = at, Text = text, SelfService = selfService });
        Change(escalationId, r => { r.LastUserMessageAt = at; return null; });
    });

    /// <summary>The open (waiting or claimed) escalation of a conversation, if any.</summary>
    public EscalationRecord? FindOpen(string channelId, string conversationId)
    {
        var key = EscalationRecord.KeyOf(channelId, conversationId);
        return _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.ConversationKey), key)).FirstOrDefault(r => r.Status != EscalationStatus.Resolved);
    }

    public EscalationRecord? Get(ObjectId id) => _records.FindById(id);

    /// <summary>The user's most recent escalation on <paramref name="channelId"/>, open or resolved (for pick-up rights; rare, not indexed).</summary>
    public EscalationRecord? Latest(string channelId, string userId) =>
        _records.Find(r => r.UserId == userId && r.ChannelId == channelId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefault();

    /// <summary>Opens an escalation unless the conversation already has an open one; returns the open one and whether it is new.</summary>
    public (EscalationRecord Record, bool Created) Open(EscalationRecord candidate)
    {
        lock (_gate)
        {
            var existing = FindOpen(candidate.ChannelId, candidate.ConversationId);
            if (existing is not null) return (existing, false);
            candidate.ConversationKey = EscalationRecord.KeyOf(candidate.ChannelId, candidate.ConversationId);
            _records.Insert(candidate);
            ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Handoff("opened");
            return (candidate, true);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record under the lock and saves it when the change
    /// returns null; a non-null return is the reason it was refused (nothing saved).
    /// </summary>
    public ChangeOutcome Change(ObjectId id, Func<EscalationRecord, string?> change)
    {
        lock (_gate)
        {
            var record = _records.FindById(id);
            if (record is null) return new ChangeOutcome(null, "not-found");
            var refusal = change(record);
            if (refusal is not null) return new ChangeOutcome(record, refusal);
            _records.Update(record);
            return new ChangeOutcome(record, null);
        }
    }

    /// <summary>Open escalations, plus those resolved since <paramref name="resolvedSince"/>.</summary>
    public IReadOnlyList<EscalationRecord> Queue(DateTimeOffset resolvedSince)
    {
        var open = _records.Find(r => r.Status != EscalationStatus.Resolved).ToList();
        var resolved = _records.Find(r => r.Status == EscalationStatus.Resolved).Where(r => r.ResolvedAt >= resolvedSince);
        return open.Concat(resolved).ToList();
    }

    /// <summary>How many escalations nobody has taken yet were opened before <paramref name="record"/>.</summary>
    public int WaitingAhead(EscalationRecord record) =>
        _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Waiting))).Count(r => r.CreatedAt < record.CreatedAt && r.Id != record.Id);

    /// <summary>
    /// Appends a transcript line. The text is encrypted in the file (users in hand-off write phone numbers,
    /// addresses, what happened to them), like the help requests' personal fields, and bound to this line of this
    /// escalation (<see cref="EntryBinding"/>).
    /// </summary>
    public void Add(EscalationEntry entry)
    {
        var plain = entry.Text;
        entry.Text = _cipher.Protect(plain, EntryBinding(entry));
        try { _entries.Insert(entry); }
        finally { entry.Text = plain; }
    }

    /// <summary>
    /// The transcript and notes of an escalation, oldest first, decrypted. A line whose text does not decrypt for
    /// it (copied from another line or escalation, tampered with, another key) reads <see cref="FieldTexts.Unreadable"/>.
    /// </summary>
    public IReadOnlyList<EscalationEntry> Entries(ObjectId escalationId)
    {
        var entries = _entries.FindWhere(LiteQuery.Is(nameof(EscalationEntry.EscalationId), escalationId)).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var unreadable = 0;
        foreach (var entry in entries)
        {
            if (entry.Text is null) { entry.Text = ""; continue; }
            if (_cipher.TryUnprotect(entry.Text, EntryBinding(entry), out var plain)) { entry.Text = plain; continue; }
            entry.Text = FieldTexts.Unreadable;
            unreadable++;
        }
        if (unreadable > 0)
            _log.LogWarning("{Count} transcript lines of escalation {EscalationId} cannot be decrypted for it (moved from another record, tampered with, or another key)", unreadable, escalationId);
        return entries;
    }

    /// <summary>The field of a transcript line's text (also its whole associated data in the earlier format).</summary>
    public const string EntryField = "escalation-entry";

    /// <summary>What a transcript line's text is bound to: this line (its id and kind) of this escalation.</summary>
    public static FieldBinding EntryBinding(EscalationEntry entry) =>
        new(EntryField, $"escalation:{entry.EscalationId}/entry:{entry.Id}:{entry.Kind}");

    /// <summary>
    /// Deletes the transcripts and notes of escalations resolved before <paramref name="resolvedBefore"/>, and who
    /// their user was (the record keeps its times, county and reason for the statistics). Returns how many.
    /// </summary>
    public int PurgeResolvedBefore(DateTimeOffset resolvedBefore, DateTimeOffset now)
    {
        var due = _records.FindWhere(LiteQuery.Is(nameof(EscalationRecord.Status), LiteQuery.Name(EscalationStatus.Resolved)))
            .Where(r => r.ResolvedAt < resolvedBefore && r.TranscriptDeletedAt is null).ToList();
        foreach (var record in due)
        {
            Together(() =>
            {
                _entries.DeleteMany(e => e.EscalationId == record.Id);
                record.UserId = "";
                record.ConversationId = "";
                record.ConversationKey = "purged:" + record.Id;
                record.TranscriptDeletedAt = now;
                _records.Update(record);
            });
        }
        return due.Count;
    }
}
