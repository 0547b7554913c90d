using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>Deletes the personal fields of requests resolved or closed more than Disputes:RetentionDays ago.</summary>
internal sealed class TicketRetentionService(TicketService tickets, IOptions<DisputeOptions> options, TimeProvider time, ILogger<TicketRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionSweepInterval, time);
        try
        {
            do
            {
                Sweep();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }

    private void Sweep()
    {
        try
        {
            var purged = tickets.PurgeExpired();
            if (purged > 0) log.LogInformation("Retention: deleted the personal fields of {Count} help requests", purged);
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException)
        {
            log.LogError(e, "Retention sweep failed; will retry at the next interval");
        }
    }
}
