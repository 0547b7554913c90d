namespace ChatAssistant.Disputes;

/// <summary>The result of a ticket operation: the ticket, or why nothing changed.</summary>
public sealed record TicketOutcome(TicketOutcomeKind Kind, Ticket? Ticket = null, string? Error = null)
{
    public static TicketOutcome Ok(Ticket ticket) => new(TicketOutcomeKind.Ok, ticket);

    public static readonly TicketOutcome NotFound = new(TicketOutcomeKind.NotFound);

    public static TicketOutcome Conflict(string error) => new(TicketOutcomeKind.Conflict, Error: error);
}
