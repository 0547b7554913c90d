using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Deliveries that outlive their request (late turns, the rest of a long turn). On shutdown the host waits
/// for them, so a graceful restart does not lose replies.
/// </summary>
public sealed class WeChatBackgroundWork(ILogger<WeChatBackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    /// <summary>Starts <paramref name="work"/> off the request and keeps track of it until it ends.</summary>
    public Task Run(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try { await work().ConfigureAwait(false); }
            catch (Exception e) { logger.LogError(e, "WeChat background delivery failed"); }
        });
        _pending.TryAdd(task, 0);
        _ = task.ContinueWith(t => _pending.TryRemove(t, out _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits until nothing is pending (tests, shutdown).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => Task.WhenAll(_pending.Keys).WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty) return;
        logger.LogInformation("Waiting for {Count} WeChat deliveries before stopping", _pending.Count);
        try { await DrainAsync(cancellationToken).ConfigureAwait(false); }
        catch (OperationCanceledException) { logger.LogWarning("Stopped with {Count} WeChat deliveries unfinished", _pending.Count); }
    }
}
