using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>
/// Every six hours, deletes the transcripts of hand-offs resolved more than <see cref="EscalationOptions.RetentionDays"/>
/// ago, as the help requests' retention does for their personal fields: minors' words are kept only as long as needed.
/// </summary>
internal sealed class EscalationRetentionService(EscalationStore store, IOptions<EscalationOptions> options, TimeProvider time, ILogger<EscalationRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), time);
        try
        {
            do Sweep();
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }

    internal int Sweep()
    {
        try
        {
            var now = time.GetUtcNow();
            var purged = store.PurgeResolvedBefore(now.AddDays(-options.Value.RetentionDays), now);
            if (purged > 0) log.LogInformation("Retention: deleted the transcripts of {Count} resolved hand-offs", purged);
            return purged;
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException)
        {
            log.LogError(e, "Hand-off retention sweep failed; will retry at the next interval");
            return 0;
        }
    }
}
