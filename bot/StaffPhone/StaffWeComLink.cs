namespace ChatAssistant.StaffPhone;

/// <summary>
/// A staff account's WeCom member (collection <c>staff_wecom</c>, keyed by the account's id): which WeCom user id its
/// alerts and replies go to, which alerts it wants (<see cref="StaffAlertPreference"/>), and the conversation it is
/// answering from the phone now, with the transcript lines already handled for it.
/// </summary>
public sealed class StaffWeComLink
{
    /// <summary>The staff account's id.</summary>
    public int Id { get; set; }

    public string WeComUserId { get; set; } = "";

    public string Alerts { get; set; } = StaffAlertPreference.Urgent;

    /// <summary>The escalation this member took from the phone and answers there (null: none).</summary>
    public string? ActiveEscalationId { get; set; }

    /// <summary>
    /// Earlier versions' mark: the last transcript line of <see cref="ActiveEscalationId"/> already on the phone, every
    /// line before it handled. Read once for a link that has no <see cref="Handled"/> yet, then cleared.
    /// </summary>
    public string? ForwardedUpTo { get; set; }

    /// <summary>
    /// The transcript lines of <see cref="ActiveEscalationId"/> already handled (on the phone, or not for it): by id, not
    /// by position, because a line written at one instant can be committed after a later one (two instances, one
    /// conversation) and would sort before a position already passed.
    /// </summary>
    public List<string> Handled { get; set; } = [];
}
