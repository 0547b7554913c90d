using System.Threading.RateLimiting;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Per-user flood guard (RELIABILITY row 14): one user sending a hundred messages a second gets a polite refusal for
/// most of them, and neither runs a hundred turns nor holds up other users.
/// <para>
/// Embedded (<see cref="IKeyValueCache.IsShared"/> false): a token bucket per OpenID in this process, holding half a
/// minute's allowance and refilled at <see cref="WeChatOptions.UserMessagesPerMinute"/>.
/// </para>
/// <para>
/// Several instances (the cache in Redis): a fixed window per OpenID and account, counted in the shared cache, so a
/// flood spread over the instances by the balancer gets <see cref="WeChatOptions.UserMessagesPerMinute"/> turns a
/// minute in all, not that many per instance. The count is issued into the message's claim batch
/// (<see cref="Count"/>), so it costs no round trip of its own; a retry or replay refused by the claim is counted
/// too, which is rare (WeChat retries only a message not answered in 5 s) and only ever errs against a flood.
/// </para>
/// </summary>
public sealed class WeChatUserRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly IKeyValueCache _cache;
    private readonly TimeProvider _time;
    private readonly WeChatAccount _account;
    private readonly ILogger<WeChatUserRateLimit> _logger;
    private readonly int _perMinute;

    public WeChatUserRateLimit(IKeyValueCache cache, TimeProvider time, [FromKeyedServices] WeChatAccount account, ILogger<WeChatUserRateLimit> logger)
    {
        _cache = cache;
        _time = time;
        _account = account;
        _logger = logger;
        _perMinute = account.Options.UserMessagesPerMinute;
        if (_perMinute <= 0 || cache.IsShared) return; // 0 turns the guard off; a shared cache counts instead
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, _perMinute / 2),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / _perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        // Idle buckets (full again) are dropped by the partitioned limiter, so memory follows the active users.
        _limiter = PartitionedRateLimiter.Create<string, string>(openId => RateLimitPartition.GetTokenBucketLimiter(openId, _ => bucket));
    }

    /// <summary>
    /// With a shared cache, counts one message of <paramref name="openId"/> into this minute's window, issued into
    /// <paramref name="batch"/>; null when the guard is off or counts in this process. Hand the task to
    /// <see cref="AllowsAsync"/>, or to <see cref="Forget"/> when the message is refused before.
    /// </summary>
    internal Task<long>? Count(string openId, StoreBatch? batch)
    {
        if (_perMinute <= 0 || !_cache.IsShared) return null;
        return _cache.CountThisMinuteAsync(WeChatKeys.UserFlood(_account.ChannelId, openId), _time, batch, CancellationToken.None);
    }

    /// <summary>True when <paramref name="openId"/> may start another turn now; <paramref name="counted"/> is what <see cref="Count"/> gave.</summary>
    internal async ValueTask<bool> AllowsAsync(string openId, Task<long>? counted)
    {
        if (_limiter is not null)
        {
            using var lease = _limiter.AttemptAcquire(openId);
            return lease.IsAcquired;
        }
        if (counted is null) return true;
        try
        {
            return await counted.ConfigureAwait(false) <= _perMinute;
        }
        catch (StorageUnavailableException e)
        {
            // Open, deliberately: the message's claim went through in the same round trip, so it is new and Redis
            // answered a moment ago. The guard only spares the server one user's flood; refusing here would answer an
            // ordinary user "too fast" (and remember it for WeChat's retries) for our own outage. A claim that meets
            // the outage is answered busy and runs nothing, as before.
            _logger.LogWarning(e, "WeChat flood guard not counted: the shared store is unavailable; the message is let through");
            Telemetry.AssistantTelemetry.StoreFailure("redis");
            return true;
        }
    }

    /// <summary>Observes a count that nothing will wait for (the message was refused before its rate was checked).</summary>
    internal static void Forget(Task<long>? counted) =>
        counted?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public void Dispose() => _limiter?.Dispose();
}
