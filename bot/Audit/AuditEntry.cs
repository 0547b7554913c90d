namespace ChatAssistant.Audit;

/// <summary>One line of the audit log: who did what to which record, and when. Never holds personal data.</summary>
public sealed class AuditEntry
{
    /// <summary>24 hex digits, given when the line is appended.</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>Who acted: "staff:alice", "user", "system:retention" (the hours feature's decisions: the member's name, "wechat", "volunteer").</summary>
    public string Actor { get; set; } = "";

    /// <summary>What they did: "ticket.view", "ticket.status", "hours.revoke"…</summary>
    public string Action { get; set; } = "";

    /// <summary>The record acted on: "ticket:QQ000012", "hour-record:嵊州市/R1".</summary>
    public string Subject { get; set; } = "";

    /// <summary>A short detail: what changed ("Acknowledged → InProgress"), or the reason a member gave for a decision.</summary>
    public string? Detail { get; set; }

    /// <summary>Whose record the subject is, when it belongs to someone ("volunteer:V001" for an hour record or an order).</summary>
    public string? Owner { get; set; }
}
