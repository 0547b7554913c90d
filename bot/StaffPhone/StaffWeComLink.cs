namespace ChatAssistant.StaffPhone;

/// <summary>
/// A staff account's WeCom member (collection <c>staff_wecom</c>, keyed by the account's id): which WeCom user id its
/// alerts and replies go to, which alerts it wants (<see cref="StaffAlertPreference"/>), and the conversation it is
/// answering from the phone now, with the last transcript line already forwarded there.
/// </summary>
public sealed class StaffWeComLink
{
    /// <summary>The staff account's id.</summary>
    public int Id { get; set; }

    public string WeComUserId { get; set; } = "";

    public string Alerts { get; set; } = StaffAlertPreference.Urgent;

    /// <summary>The escalation this member took from the phone and answers there (null: none).</summary>
    public string? ActiveEscalationId { get; set; }

    /// <summary>The last transcript line of <see cref="ActiveEscalationId"/> already on the phone.</summary>
    public string? ForwardedUpTo { get; set; }
}
