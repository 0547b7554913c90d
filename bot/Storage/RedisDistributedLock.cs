using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// <see cref="IDistributedLock"/> in Redis (KeyPrefix + "lock:"): SET NX PX with a random token, so only the
/// holder can release it (LockTake, and a compare-and-delete script), and the TTL frees it if the holder dies.
/// Waiting polls with a short growing backoff: turns are short, and polling needs no subscriber connection.
/// </summary>
public sealed class RedisDistributedLock : IDistributedLock
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(1);

    // Compare-and-delete in one round trip. StackExchange.Redis' LockReleaseAsync does the same with WATCH/GET
    // then MULTI/DEL/EXEC, two round trips on every turn.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    // Waiting and the lock's TTL are wall-clock matters (Redis expires keys in real time), so they use the
    // system clock, never the application's TimeProvider, which tests fake to move business time.
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly IDatabase _db;
    private readonly ILogger<RedisDistributedLock> _logger;

    public RedisDistributedLock(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisDistributedLock> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = RedisKeys.Database(redis, options.Value, RedisKeys.Locks);
        _logger = logger;
    }

    public async Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan ttl, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        var token = Guid.NewGuid().ToString("N");
        var started = _time.GetTimestamp();
        var backoff = FirstBackoff;
        while (true)
        {
            if (await TakeAsync(resource, token, ttl, cancellationToken).ConfigureAwait(false))
                return new Handle(this, resource, token);
            var left = wait - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return null;
            // Jitter keeps waiting instances from retrying in lockstep.
            var delay = TimeSpan.FromTicks(Math.Min(left.Ticks, backoff.Ticks + Random.Shared.NextInt64(backoff.Ticks)));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<bool> TakeAsync(string resource, string token, TimeSpan ttl, CancellationToken cancellationToken)
    {
        try
        {
            return await _db.LockTakeAsync(resource, token, ttl).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            throw RedisFailures.Unavailable("lock", ex);
        }
    }

    private async ValueTask ReleaseAsync(string resource, string token)
    {
        try
        {
            // Deletes the key only while it still holds our token: after our TTL ran out, another holder's lock stays.
            // Bounded wait: the caller is finishing a turn and must not hang on a stalled Redis.
            await _db.ScriptEvaluateAsync(ReleaseScript, [resource], [token]).WaitAsync(ReleaseTimeout).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex) || ex is TimeoutException)
        {
            // Releasing must not hide the turn's own outcome; the TTL frees the lock anyway.
            _logger.LogWarning(ex, "Could not release a Redis lock; it expires by its TTL");
        }
    }

    private sealed class Handle(RedisDistributedLock owner, string resource, string token) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _released, 1) == 0 ? owner.ReleaseAsync(resource, token) : ValueTask.CompletedTask;
    }
}
