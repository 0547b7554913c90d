namespace ChatAssistant.Escalation;

/// <summary>One conversation handed to a person, as staff see it in the console queue.</summary>
public sealed class EscalationRecord
{
    public string Id { get; set; } = Storage.RecordIds.Next();

    public string ChannelId { get; set; } = "";

    /// <summary>The user on that channel (the OpenID on WeChat). Never logged, never shown in full to staff.</summary>
    public string UserId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    /// <summary>"channel:conversation", indexed: at most one open escalation per conversation.</summary>
    public string ConversationKey { get; set; } = "";

    public EscalationReason Reason { get; set; }

    public bool Urgent { get; set; }

    /// <summary>For a crisis: its category (Suicide, Abuse, Violence, Danger), for staff only.</summary>
    public string? CrisisCategory { get; set; }

    /// <summary>For a crisis: what the check matched (a lexicon entry id or the model's score), for staff only.</summary>
    public string? CrisisSignal { get; set; }

    /// <summary>The county (区县) whose staff handle it; null when unknown (admins and the default scope see it).</summary>
    public string? County { get; set; }

    public EscalationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? FirstReplyAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? LastUserMessageAt { get; set; }

    /// <summary>When a staff member last acted on it (claimed, was assigned, replied, picked the user up).</summary>
    public DateTimeOffset? LastStaffActionAt { get; set; }

    /// <summary>
    /// When the user was last told, while nobody was expected soon, that a person will reply and what to do meanwhile
    /// (the notice opening it outside office hours included): repeated at most once an hour (<see cref="WaitAnswer"/>).
    /// Kept here, not in the session, which expires after 30 idle minutes.
    /// </summary>
    public DateTimeOffset? LastWaitNoticeAt { get; set; }

    /// <summary>
    /// When the user went back to the bot with it still open (「继续」 to an interrupted form, or 「结束人工」 on a crisis,
    /// which only staff close); null when they did not. A lost session does not put them back in hand-off then,
    /// unless a member acted on it since.
    /// </summary>
    public DateTimeOffset? UserLeftAt { get; set; }

    public int? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    /// <summary>"user" when the user said 结束人工, otherwise the staff member's name.</summary>
    public string? ResolvedBy { get; set; }

    /// <summary>When the retention sweep deleted the transcript and who the user was (null until then).</summary>
    public DateTimeOffset? TranscriptDeletedAt { get; set; }

    public static string KeyOf(string channelId, string conversationId) => channelId + ":" + conversationId;
}
