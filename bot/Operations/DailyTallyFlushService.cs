namespace ChatAssistant.Operations;

/// <summary>Adds <see cref="DailyTally"/>'s counts to the records once a minute and when the server stops.</summary>
public sealed class DailyTallyFlushService(DailyTally tally, TimeProvider time, ILogger<DailyTallyFlushService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) TryFlush();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        TryFlush();
    }

    private void TryFlush()
    {
        try
        {
            tally.Flush();
        }
        catch (Exception e) when (Storage.RecordsFailures.IsRecordsError(e) || e is ObjectDisposedException)
        {
            log.LogWarning(e, "Daily message counts could not be saved now; they are kept for the next try");
        }
    }
}
