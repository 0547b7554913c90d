namespace ChatAssistant.Disputes;

/// <summary>Where a help request stands.</summary>
public enum TicketStatus
{
    New,
    Acknowledged,
    InProgress,
    Resolved,
    Closed,
    Withdrawn,
}
