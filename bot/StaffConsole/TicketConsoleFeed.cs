using ChatAssistant.Disputes;
using ChatAssistant.Escalation;

namespace ChatAssistant.StaffConsole;

/// <summary>
/// Puts help-request changes on the consoles' event stream ("ticket" events), so the 求助工单 tab shows a new or
/// changed request without a reload. The change carries the number, county and kind of change only: the
/// console fetches the ticket itself, through the audited detail endpoint.
/// </summary>
public sealed class TicketConsoleFeed(ITicketEvents tickets, EscalationEvents console) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        tickets.Changed += Forward;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tickets.Changed -= Forward;
        return Task.CompletedTask;
    }

    // Runs on the writer's thread: a non-blocking write to each open stream's bounded channel.
    private void Forward(TicketChanged change) =>
        console.Publish(new EscalationChange(change.Number, change.County, change.Change, EscalationChange.Ticket));
}
