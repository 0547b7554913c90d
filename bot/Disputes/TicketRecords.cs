namespace ChatAssistant.Disputes;

/// <summary>What a user agreed to file; the free-text fields arrive already encrypted by the flow.</summary>
public sealed record NewTicket(
    string UserId,
    string ChannelId,
    string AgeBand,
    bool GuardianConsent,
    string County,
    string Category,
    bool Anonymous,
    ContactMethod Contact,
    string DescriptionCipher,
    string? PhoneCipher,
    string? NameCipher,
    DateTimeOffset ConsentedAt);

/// <summary>The result of a ticket operation: the ticket, or why nothing changed.</summary>
public sealed record TicketOutcome(TicketOutcomeKind Kind, Ticket? Ticket = null, string? Error = null)
{
    public static TicketOutcome Ok(Ticket ticket) => new(TicketOutcomeKind.Ok, ticket);

    public static readonly TicketOutcome NotFound = new(TicketOutcomeKind.NotFound);

    public static TicketOutcome Conflict(string error) => new(TicketOutcomeKind.Conflict, Error: error);
}

public enum TicketOutcomeKind
{
    Ok,
    NotFound,
    Conflict,
}
