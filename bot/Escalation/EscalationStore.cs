using ChatAssistant.Security;

namespace ChatAssistant.Escalation;

/// <summary>
/// Escalations and their transcripts, on either provider (<see cref="IEscalationRecords"/>). Record changes go through
/// <see cref="Change"/>, which reads, checks and writes while no other change of the record runs (in this process or,
/// on PostgreSQL, any instance), so two staff members cannot both claim the same conversation. Transcript entries are
/// only ever inserted, never rewritten; their texts are sealed here, bound to their line.
/// </summary>
public sealed class EscalationStore(IEscalationRecords records, FieldCipher cipher, ILogger<EscalationStore> log)
{
    /// <summary>
    /// Runs the writes of one action (an escalation opened with the message that led to it and the wait notice;
    /// ended with the user's last line and the goodbye) as one transaction: saved together or not at all.
    /// Synchronous only (the transaction belongs to the thread).
    /// </summary>
    public T Together<T>(Func<T> work) => records.Together(work);

    /// <inheritdoc cref="Together{T}(Func{T})"/>
    public void Together(Action work) => records.Together(() =>
    {
        work();
        return true;
    });

    /// <summary>Puts a message of the user on the transcript and notes when they last wrote, together.</summary>
    public void AddUserLine(string escalationId, string text, DateTimeOffset at, bool selfService = false) => Together(() =>
    {
        Add(new EscalationEntry { EscalationId = escalationId, Kind = EntryKind.User, At = at, Text = text, SelfService = selfService });
        Change(escalationId, r => { r.LastUserMessageAt = at; return null; });
    });

    /// <summary>The open (waiting or claimed) escalation of a conversation, if any.</summary>
    public EscalationRecord? FindOpen(string channelId, string conversationId) => records.FindOpen(EscalationRecord.KeyOf(channelId, conversationId));

    public EscalationRecord? Get(string id) => records.Get(id);

    /// <summary>The user's most recent escalation on <paramref name="channelId"/>, open or resolved (for pick-up rights).</summary>
    public EscalationRecord? Latest(string channelId, string userId) => records.Latest(channelId, userId);

    /// <summary>Every escalation, oldest first.</summary>
    public IReadOnlyList<EscalationRecord> All() => records.All();

    /// <summary>Opens an escalation unless the conversation already has an open one; returns the open one and whether it is new.</summary>
    public (EscalationRecord Record, bool Created) Open(EscalationRecord candidate)
    {
        candidate.ConversationKey = EscalationRecord.KeyOf(candidate.ChannelId, candidate.ConversationId);
        var opened = records.Open(candidate);
        if (opened.Created) ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Handoff("opened");
        return opened;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and saves it when the change returns null; a non-null
    /// return is the reason it was refused (nothing saved).
    /// </summary>
    public ChangeOutcome Change(string id, Func<EscalationRecord, string?> change) => records.Change(id, change);

    /// <summary>Open escalations, plus those resolved since <paramref name="resolvedSince"/>.</summary>
    public IReadOnlyList<EscalationRecord> Queue(DateTimeOffset resolvedSince) => records.Queue(resolvedSince);

    /// <summary>How many escalations nobody has taken yet were opened before <paramref name="record"/>.</summary>
    public int WaitingAhead(EscalationRecord record) => records.WaitingAhead(record);

    /// <summary>
    /// Appends a transcript line. The text is encrypted in the records (users in hand-off write phone numbers,
    /// addresses, what happened to them), like the help requests' personal fields, and bound to this line of this
    /// escalation (<see cref="EntryBinding"/>).
    /// </summary>
    public void Add(EscalationEntry entry)
    {
        var plain = entry.Text;
        entry.Text = cipher.Protect(plain, EntryBinding(entry));
        try { records.AddEntry(entry); }
        finally { entry.Text = plain; }
    }

    /// <summary>
    /// The transcript and notes of an escalation, oldest first, decrypted. A line whose text does not decrypt for
    /// it (copied from another line or escalation, tampered with, another key) reads <see cref="FieldTexts.Unreadable"/>.
    /// </summary>
    public IReadOnlyList<EscalationEntry> Entries(string escalationId)
    {
        var entries = records.Entries(escalationId);
        var unreadable = 0;
        foreach (var entry in entries)
        {
            if (string.IsNullOrEmpty(entry.Text)) { entry.Text = ""; continue; }
            if (cipher.TryUnprotect(entry.Text, EntryBinding(entry), out var plain)) { entry.Text = plain; continue; }
            entry.Text = FieldTexts.Unreadable;
            unreadable++;
        }
        if (unreadable > 0)
            log.LogWarning("{Count} transcript lines of escalation {EscalationId} cannot be decrypted for it (moved from another record, tampered with, or another key)", unreadable, escalationId);
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
        var due = records.ResolvedBefore(resolvedBefore);
        foreach (var record in due) records.Purge(record, now);
        return due.Count;
    }
}
