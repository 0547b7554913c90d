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
    private readonly RedisTopology _topology;

    public RedisDistributedLock(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisDistributedLock> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _topology = new RedisTopology(redis);
        _db = RedisKeys.Database(redis, options.Value, RedisKeys.Locks);
        _logger = logger;
    }

    public Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan ttl, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        return AcquireAsync(resource, NewToken(), ttl, wait, _time.GetTimestamp(), firstAttemptLost: false, cancellationToken);
    }

    /// <summary>
    /// On one standalone Redis server the read is sent right behind the lock's first <c>SET NX</c>, on the same
    /// connection, so Redis runs it after the attempt: when the attempt wins, the read saw the state as the lock
    /// found it and is kept (one round trip for both). When it loses, the read is dropped and made again once the
    /// lock is held. On a cluster or behind a proxy the two keys may live on different servers, which run them
    /// in any order, so there the read waits for the lock. The read must go to this lock's Redis (the session
    /// store and the lock share one connection when Redis is configured).
    /// </summary>
    public async Task<LockedRead<T>?> TryAcquireThenReadAsync<T>(string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        ArgumentNullException.ThrowIfNull(read);
        if (!_topology.IsOneStandaloneServer()) return await LockedRead.AfterAcquiringAsync(this, resource, ttl, wait, read, cancellationToken).ConfigureAwait(false);

        var token = NewToken();
        var started = _time.GetTimestamp();
        var attempt = TakeAsync(resource, token, ttl, cancellationToken); // SET NX is written before this returns
        var early = Started(read, cancellationToken);
        bool won;
        try
        {
            won = await attempt.ConfigureAwait(false);
        }
        catch
        {
            Forget(early);
            throw;
        }
        if (won) return await LockedRead.ReadHoldingAsync(new Handle(this, resource, token), _ => early, cancellationToken).ConfigureAwait(false);

        Forget(early); // read while another turn held the lock: possibly stale
        var handle = await AcquireAsync(resource, token, ttl, wait, started, firstAttemptLost: true, cancellationToken).ConfigureAwait(false);
        return handle is null ? null : await LockedRead.ReadHoldingAsync(handle, read, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IAsyncDisposable?> AcquireAsync(string resource, string token, TimeSpan ttl, TimeSpan wait, long started, bool firstAttemptLost, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var skip = firstAttemptLost;
        while (true)
        {
            if (!skip && await TakeAsync(resource, token, ttl, cancellationToken).ConfigureAwait(false))
                return new Handle(this, resource, token);
            skip = false;
            var left = wait - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return null;
            // Jitter keeps waiting instances from retrying in lockstep.
            var delay = TimeSpan.FromTicks(Math.Min(left.Ticks, backoff.Ticks + Random.Shared.NextInt64(backoff.Ticks)));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString("N");

    // A read that throws before returning its task becomes a failed task, handled like any failed read (the lock,
    // if won, is released by ReadHoldingAsync).
    private static async Task<T> Started<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        await read(cancellationToken).ConfigureAwait(false);

    // The dropped read may still fail (an outage): observe it so it is not reported as unobserved.
    private static void Forget(Task task) => _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

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

    private void Release(string resource, string token)
    {
        try
        {
            // Deletes the key only while it still holds our token: after our TTL ran out, another holder's lock stays.
            // Fire-and-forget: nothing waits for the answer, so the turn's reply is not held up by a round trip.
            // Redis runs this connection's commands in order, so this process's next attempt on the resource comes
            // after it; another instance that tries first waits its short backoff. If it is lost (an outage), the TTL
            // frees the lock, as when a holder dies. Plain EVAL with the script's text, not EVALSHA: a fire-and-forget
            // EVALSHA refused with NOSCRIPT (a restarted Redis) would not be retried.
            _db.Execute("EVAL", [ReleaseScript, 1, (RedisKey)resource, token], CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            // Releasing must not hide the turn's own outcome; the TTL frees the lock anyway.
            _logger.LogWarning(ex, "Could not release a Redis lock; it expires by its TTL");
        }
    }

    private sealed class Handle(RedisDistributedLock owner, string resource, string token) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(resource, token);
            return ValueTask.CompletedTask;
        }
    }
}
