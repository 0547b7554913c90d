namespace ChatAssistant.Safety;

/// <summary>
/// A staff member's verdict on the crisis check for one message of a hand-off: a false alarm, or a crisis it missed.
/// The message is kept encrypted, bound to this review, for the next reviewed round of the lexicon and training set
/// (never retrained automatically); it is deleted with the rest after <c>Safety:ReviewRetentionDays</c>.
/// </summary>
public sealed class CrisisReview
{
    public string Id { get; set; } = Storage.RecordIds.Next();

    public DateTimeOffset At { get; set; }

    /// <summary><see cref="CrisisReviewVerdicts.FalseAlarm"/> or <see cref="CrisisReviewVerdicts.Missed"/>.</summary>
    public string Verdict { get; set; } = "";

    public string EscalationId { get; set; } = "";

    /// <summary>The message, encrypted (<see cref="Security.FieldCipher"/>), bound to this review.</summary>
    public string Text { get; set; } = "";

    /// <summary>What the check said: its category and signal (empty when it said nothing).</summary>
    public string? CheckCategory { get; set; }

    public string? CheckSignal { get; set; }

    /// <summary>For a missed crisis: the category staff name (Suicide, Abuse, Violence, Danger).</summary>
    public string? Category { get; set; }

    public string? Note { get; set; }

    public string StaffName { get; set; } = "";
}
