namespace ChatAssistant.Escalation;

/// <summary>
/// Escalations and their transcript lines as stored (LiteDB: <see cref="LiteDb.LiteEscalationRecords"/>; PostgreSQL:
/// <see cref="Postgres.PostgresEscalationRecords"/>). Transcript texts arrive here sealed and leave sealed;
/// <see cref="EscalationStore"/> seals and opens them. At most one escalation per conversation is open, on every
/// instance; a change reads the record again and writes it while no other change of it runs anywhere.
/// </summary>
public interface IEscalationRecords
{
    /// <summary>
    /// Runs <paramref name="work"/> (the writes of one action) as one transaction: saved together or not at all. Calls
    /// of this store inside it join it. Synchronous: the transaction belongs to the thread.
    /// </summary>
    T Together<T>(Func<T> work);

    /// <summary>The open (waiting or claimed) escalation of the conversation <paramref name="conversationKey"/>, if any.</summary>
    EscalationRecord? FindOpen(string conversationKey);

    EscalationRecord? Get(string id);

    /// <summary>The user's most recent escalation on the channel, open or resolved.</summary>
    EscalationRecord? Latest(string channelId, string userId);

    /// <summary>Inserts <paramref name="candidate"/> unless its conversation has an open escalation; returns the open one and whether it is new.</summary>
    (EscalationRecord Record, bool Created) Open(EscalationRecord candidate);

    /// <summary>
    /// Applies <paramref name="change"/> to the current record and saves it when the change returns null; a non-null
    /// return is the reason it was refused (nothing saved).
    /// </summary>
    ChangeOutcome Change(string id, Func<EscalationRecord, string?> change);

    /// <summary>Every escalation, oldest first (the dashboard's and the daily summary's counts).</summary>
    IReadOnlyList<EscalationRecord> All();

    /// <summary>Open escalations, plus those resolved since <paramref name="resolvedSince"/>.</summary>
    IReadOnlyList<EscalationRecord> Queue(DateTimeOffset resolvedSince);

    /// <summary>How many waiting escalations (nobody has taken them) were opened before <paramref name="record"/>.</summary>
    int WaitingAhead(EscalationRecord record);

    /// <summary>Appends a transcript line (its text sealed already).</summary>
    void AddEntry(EscalationEntry entry);

    /// <summary>The transcript and notes of an escalation, oldest first (in the order they were added at one instant), texts sealed.</summary>
    IReadOnlyList<EscalationEntry> Entries(string escalationId);

    /// <summary>Resolved escalations whose transcript is still there and that were resolved before <paramref name="cutoff"/>.</summary>
    IReadOnlyList<EscalationRecord> ResolvedBefore(DateTimeOffset cutoff);

    /// <summary>Deletes the transcript of <paramref name="record"/> and who its user was, together (the record keeps its times, county and reason).</summary>
    void Purge(EscalationRecord record, DateTimeOffset now);
}
