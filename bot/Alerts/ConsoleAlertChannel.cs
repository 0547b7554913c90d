using ChatAssistant.Escalation;

namespace ChatAssistant.Alerts;

/// <summary>
/// Pushes an alert on the consoles' event stream ("alert" events, to admins' consoles only), which then read the
/// list again. Instances behind one Redis do not share this stream: another instance's consoles show the alert on
/// their next load of the list.
/// </summary>
public sealed class ConsoleAlertChannel(EscalationEvents console) : IAdminAlertChannel
{
    public Task DeliverAsync(AdminAlert alert, CancellationToken cancellationToken)
    {
        console.Publish(new EscalationChange(alert.Id.ToString(), null, alert.Kind, EscalationChange.Alert));
        return Task.CompletedTask;
    }
}
