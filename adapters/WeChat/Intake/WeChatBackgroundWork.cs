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
    /// <remarks>
    /// The work starts on the calling thread and runs there until its first wait (a turn: the lock's round trip
    /// to Redis), rather than being queued to the thread pool: on a small server every hand-off is a wake-up.
    /// </remarks>
    public Task Run(Func<Task> work) => Track(Guarded(work));

    /// <summary>Keeps track of <paramref name="task"/>, already started, until it ends (it must not fault unobserved: its owner awaits it).</summary>
    public Task<T> Track<T>(Task<T> task)
    {
        Track((Task)task);
        return task;
    }

    private Task Track(Task task)
    {
        if (task.IsCompleted) return task;
        _pending.TryAdd(task, 0);
        _ = task.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private async Task Guarded(Func<Task> work)
    {
        try { await work().ConfigureAwait(false); }
        catch (Exception e) { logger.LogError(e, "WeChat background delivery failed"); }
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
