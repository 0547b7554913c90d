namespace ChatAssistant.Disputes;

/// <summary>
/// What a user agreed to file. The free-text fields are in clear, in memory only: <see cref="TicketService.Create"/>
/// encrypts them for the new ticket (the flow keeps them encrypted for the user until then).
/// </summary>
public sealed record NewTicket(
    string UserId,
    string ChannelId,
    string AgeBand,
    bool GuardianConsent,
    string County,
    string Category,
    bool Anonymous,
    ContactMethod Contact,
    string Description,
    string? Phone,
    string? Name,
    DateTimeOffset ConsentedAt,
    Filer FiledBy = Filer.Self)
{
    // A record prints every member: never the description, phone or name, should one reach a log.
    public override string ToString() => $"NewTicket {{ County = {County}, Category = {Category} }}";
}
