using System.Threading.Channels;
using ChatAssistant.Escalation;
using ChatAssistant.OnCall;
using ChatAssistant.Storage;

namespace ChatAssistant.StaffPhone;

/// <summary>
/// Runs the phone side off the request paths, one piece of work at a time and in order: every escalation change
/// published on this instance (<see cref="EscalationEvents.Listen"/>) goes to the alert chain (alerts, acknowledgements,
/// card updates) and to the bridge (the young person's lines to the member's phone); every
/// <see cref="SweepEvery"/> (on the injected clock) the chain's limits are checked.
/// </summary>
public sealed class StaffPhoneService(
    EscalationEvents events, UrgentAlertChain chain, PhoneBridge bridge, TicketPhoneAlerts tickets, TimeProvider time, ILogger<StaffPhoneService> log)
    : BackgroundService
{
    /// <summary>How often unacknowledged urgent alerts are looked at.</summary>
    public static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(5);

    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listening = events.Listen(change =>
        {
            if (change.Event == EscalationChange.Ticket)
            {
                _work.Writer.TryWrite(ct => tickets.ChangedAsync(change.Id, ct));
                return;
            }
            if (change.Event != EscalationChange.Escalation || !RecordIds.IsWellFormed(change.Id)) return;
            var id = change.Id;
            _work.Writer.TryWrite(async ct =>
            {
                await chain.ChangedAsync(id, ct).ConfigureAwait(false);
                await bridge.ForwardAsync(id, ct).ConfigureAwait(false);
            });
        });
        var sweeping = SweepAsync(stoppingToken);
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                // Any failure is logged and the next piece runs: an exception leaving a BackgroundService stops the host.
                try { await work(stoppingToken).ConfigureAwait(false); }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    log.LogError(e, "Staff phone work failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await sweeping.ConfigureAwait(false);
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(SweepEvery, time, stoppingToken).ConfigureAwait(false);
                _work.Writer.TryWrite(chain.SweepAsync);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
