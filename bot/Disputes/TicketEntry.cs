namespace ChatAssistant.Disputes;

/// <summary>One line of a ticket's history. <see cref="Text"/> is encrypted; null once deleted.</summary>
public sealed class TicketEntry
{
    public TicketEntryKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>"user" or the staff member's sign-in name.</summary>
    public string Author { get; set; } = "";

    public string? Text { get; set; }

    /// <summary>For replies: whether the channel delivered it, and why not.</summary>
    public bool? Delivered { get; set; }
    public string? DeliveryError { get; set; }
}
