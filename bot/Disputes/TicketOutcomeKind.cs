namespace ChatAssistant.Disputes;

public enum TicketOutcomeKind
{
    Ok,
    NotFound,
    Conflict,
}
