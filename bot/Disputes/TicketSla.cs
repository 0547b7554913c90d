namespace ChatAssistant.Disputes;

/// <summary>A ticket's service deadlines and whether they have passed.</summary>
public sealed record TicketSla(DateTimeOffset AcknowledgeDue, DateTimeOffset ResolveDue, bool AcknowledgeOverdue, bool ResolveOverdue)
{
    /// <summary>Either deadline missed.</summary>
    public bool Overdue => AcknowledgeOverdue || ResolveOverdue;

    /// <summary>Deadlines of <paramref name="ticket"/> at <paramref name="now"/>.</summary>
    public static TicketSla Of(Ticket ticket, DisputeOptions options, DateTimeOffset now)
    {
        var ackDue = ticket.CreatedAt + options.AcknowledgeWithin;
        var resolveDue = ticket.CreatedAt + options.ResolveWithin;
        return new TicketSla(
            ackDue,
            resolveDue,
            AcknowledgeOverdue: ticket.Status == TicketStatus.New && now > ackDue,
            ResolveOverdue: ticket.IsOpen && now > resolveDue);
    }
}
