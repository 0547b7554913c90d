namespace ChatAssistant.Escalation;

/// <summary>One message of an escalation's transcript (both ways) or an internal note. Append-only.</summary>
public sealed class EscalationEntry
{
    public string Id { get; set; } = Storage.RecordIds.Next();

    public string EscalationId { get; set; } = "";

    public EntryKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public string Text { get; set; } = "";

    public string? StaffName { get; set; }

    /// <summary>For messages sent to the user: whether the channel took it (null for user messages and notes).</summary>
    public bool? Delivered { get; set; }

    /// <summary>The channel's refusal code (45015 outside the 48-hour window, 45047 quota, "no-channel").</summary>
    public string? ErrorCode { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>
    /// For a user line: a self-service command during the hand-off (我的时长, 取消值班, 菜单, a menu tap), which the bot
    /// answered, as staff see. The answers to the flow it started are the feature's and are not copied here.
    /// </summary>
    public bool SelfService { get; set; }
}
