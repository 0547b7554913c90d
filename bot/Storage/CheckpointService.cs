using ChatAssistant.Hosting;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Storage;

/// <summary>Folds LiteDB's log into the data file now and then, so a crash replays little.</summary>
internal sealed class CheckpointService(ILiteDatabase db, IOptions<StorageOptions> options, TimeProvider time, ILogger<CheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { db.Checkpoint(); }
                catch (Exception e) when (e is LiteException or IOException) { log.LogError(e, "LiteDB checkpoint failed"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
