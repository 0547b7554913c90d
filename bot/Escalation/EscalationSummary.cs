namespace ChatAssistant.Escalation;

/// <summary>An escalation as the console lists it, with its service levels worked out for "now".</summary>
public sealed record EscalationSummary(
    string Id,
    string User,
    string Channel,
    string Reason,
    bool Urgent,
    string? County,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? FirstReplyAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? LastUserMessageAt,
    string? Assignee,
    int WaitingMinutes,
    DateTimeOffset AcknowledgeDue,
    DateTimeOffset ReplyDue,
    bool AcknowledgeOverdue,
    bool ReplyOverdue,
    string? CrisisCategory,
    string? CrisisSignal)
{
    /// <summary>The Official Account the hand-off came through (its setting name; null for the web chat).</summary>
    public string? Account { get; init; }

    /// <summary>How staff know that account (its display name).</summary>
    public string? AccountName { get; init; }
}
