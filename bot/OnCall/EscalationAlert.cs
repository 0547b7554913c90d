namespace ChatAssistant.OnCall;

/// <summary>
/// One alert about an escalation sent to staff phones (collection <c>escalation_alerts</c>): step 1 of an urgent chain
/// goes to the county's on-call staff at once, each further step after <c>Escalation:UrgentAcknowledgeWithin</c> to the
/// next person on the rota and the admins; step 0 is a plain notice to members whose preference asks for it.
/// </summary>
public sealed class EscalationAlert
{
    public string Id { get; set; } = Storage.RecordIds.Next();

    public string EscalationId { get; set; } = "";

    /// <summary>For an alert about a new help request instead: its number (<c>QQ000012</c>); the escalation id is empty then.</summary>
    public string? TicketNumber { get; set; }

    /// <summary>0: a member's preference; 1, 2, …: the urgent chain's steps.</summary>
    public int Step { get; set; }

    /// <summary>The sign-in names alerted (whether or not they have a WeCom account to reach).</summary>
    public List<string> Staff { get; set; } = [];

    /// <summary>The WeCom user ids the card went to.</summary>
    public List<string> WeComUsers { get; set; } = [];

    /// <summary>The card's task id (its button presses name it).</summary>
    public string TaskId { get; set; } = "";

    /// <summary>The code that updates the card once (from the send, or from a button press, which replaces it).</summary>
    public string? ResponseCode { get; set; }

    /// <summary>Whether WeCom took the card, and its error code when not.</summary>
    public bool Delivered { get; set; }

    public int? ErrorCode { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>When the escalation was claimed or answered (on every alert of it), and by whom.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>Whether the card was updated to say who took it.</summary>
    public bool CardUpdated { get; set; }
}
