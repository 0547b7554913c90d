namespace ChatAssistant.Disputes;

/// <summary>
/// Ticket changes, published in process so the staff console can push them (SSE) to the staff whose scope
/// includes <see cref="TicketChanged.County"/>. Handlers run synchronously on the writer's thread: keep them
/// quick (e.g. write to a Channel) and do not throw.
/// </summary>
public interface ITicketEvents
{
    event Action<TicketChanged>? Changed;
}
