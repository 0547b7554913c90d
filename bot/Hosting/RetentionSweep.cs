namespace ChatAssistant.Hosting;

/// <summary>
/// Deletes what is past its retention: once at start, then every <see cref="Interval"/> on the injected clock. A
/// store error is logged and the sweep tried again at the next interval. Help requests' personal fields,
/// hand-off transcripts and suggestions each have one.
/// </summary>
public abstract class RetentionSweep(TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>How often the sweep runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is deleted, for the log (never anything personal), e.g. "suggestions".</summary>
    protected abstract string What { get; }

    /// <summary>Now, on the injected clock.</summary>
    protected DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Deletes what is past retention now; returns how many.</summary>
    protected abstract int Purge();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do Sweep();
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>One sweep; returns how many were deleted (0 after a logged failure).</summary>
    internal int Sweep()
    {
        try
        {
            var deleted = Purge();
            if (deleted > 0) log.LogInformation("Retention: deleted {Count} {What}", deleted, What);
            return deleted;
        }
        // Any failure, not only the store's: an exception leaving a BackgroundService stops the whole host, and a
        // failed clean-up must not take the assistant down with it.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Retention sweep of {What} failed; will retry at the next interval", What);
            return 0;
        }
    }
}
