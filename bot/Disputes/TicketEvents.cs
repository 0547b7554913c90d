namespace ChatAssistant.Disputes;

/// <summary>What changed on a ticket; carries nothing personal, so it can go to any signed-in console.</summary>
/// <param name="County">The ticket's county; null for one of 其他地区 (unassigned: the default scope's, like a hand-off of unknown county).</param>
/// <param name="Change">"created", "acknowledged", "status", "note", "reply", "user-added", "withdrawn", "purged".</param>
public sealed record TicketChanged(string Number, string? County, TicketStatus Status, string Change, DateTimeOffset At);

/// <summary>
/// Ticket changes, published in process so the staff console can push them (SSE) to the staff whose scope
/// includes <see cref="TicketChanged.County"/>. Handlers run synchronously on the writer's thread: keep them
/// quick (e.g. write to a Channel) and do not throw.
/// </summary>
public interface ITicketEvents
{
    event Action<TicketChanged>? Changed;
}

/// <summary>The in-process <see cref="ITicketEvents"/>.</summary>
public sealed class TicketEvents(ILogger<TicketEvents> log) : ITicketEvents
{
    public event Action<TicketChanged>? Changed;

    /// <summary>Tells every subscriber; a failing subscriber is logged and does not stop the others.</summary>
    public void Publish(TicketChanged change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<TicketChanged>>())
        {
            try { handler(change); }
            catch (Exception e) { log.LogError(e, "Ticket event subscriber failed for {Number}", change.Number); }
        }
    }
}
