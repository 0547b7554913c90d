namespace ChatAssistant.Disputes;

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
