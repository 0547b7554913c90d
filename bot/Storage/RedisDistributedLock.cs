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
    private readonly RedisKeyspace _keys;
    private IDatabase _db => _keys.Db;
    private readonly ILogger<RedisDistributedLock> _logger;
    private readonly RedisTopology _topology;

    public RedisDistributedLock(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisDistributedLock> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _topology = new RedisTopology(redis);
        _keys = new RedisKeyspace(redis, options.Value, RedisKeys.Locks);
        _logger = logger;
    }

    public Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan ttl, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        return AcquireAsync(resource, NewToken(), ttl, wait, _time.GetTimestamp(), firstAttemptLost: false, cancellationToken);
    }

    public Task<LockedRead<T>?> TryAcquireThenReadAsync<T>(string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken = default) =>
        BeginAcquireThenRead(resource, ttl, wait, read, batch: null).CompleteAsync(cancellationToken);

    /// <summary>
    /// On one standalone Redis server the lock's first <c>SET NX</c> and the read right behind it are issued
    /// before this returns — into <paramref name="batch"/> when it is this connection's (the read joins it through
    /// its own store), else straight to the connection — so Redis runs the read after the attempt: when the attempt
    /// wins, the read saw the state as the lock found it and is kept (one round trip for both, shared with what the
    /// caller issues into the batch). When it loses, the read is dropped and made again once the lock is held. On a cluster
    /// or behind a proxy the two keys may live on different servers, which run them in any order, so there
    /// nothing is sent until the attempt is completed, and the read waits for the lock. The read must go to this
    /// lock's Redis (the session store and the lock share one connection when Redis is configured).
    /// </summary>
    public LockAttempt<T> BeginAcquireThenRead<T>(string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, StoreBatch? batch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        ArgumentNullException.ThrowIfNull(read);
        if (!_topology.IsOneStandaloneServer()) return new DeferredLockAttempt<T>(this, resource, ttl, wait, read);
        return new SentAttempt<T>(this, resource, ttl, wait, read, batch);
    }

    // The first attempt and the read, sent when the attempt is made; what is left is waited for on completion.
    private sealed class SentAttempt<T> : LockAttempt<T>
    {
        private readonly RedisDistributedLock _owner;
        private readonly TimeSpan _ttl;
        private readonly TimeSpan _wait;
        private readonly Func<CancellationToken, Task<T>> _read;
        private readonly string _token = NewToken();
        private readonly long _started;
        private readonly Task<bool> _attempt;
        private readonly Task<T> _early;

        public SentAttempt(RedisDistributedLock owner, string resource, TimeSpan ttl, TimeSpan wait, Func<CancellationToken, Task<T>> read, StoreBatch? batch) : base(resource)
        {
            (_owner, _ttl, _wait, _read) = (owner, ttl, wait, read);
            _started = owner._time.GetTimestamp();
            // SET NX is issued here; the read follows it on the same connection. Neither is tied to a caller's token:
            // a completion that is cancelled stops waiting, the commands have gone. The attempt's task is the
            // client's own, not wrapped in an async method: nothing waits on it until the attempt is completed,
            // by when its answer is usually in (it came with the claim's), so no thread-pool item is spent on it.
            _attempt = owner.IssueTake(resource, _token, ttl, batch);
            _early = Started(read, CancellationToken.None);
        }

        protected override async Task<LockedRead<T>?> CompleteCoreAsync(CancellationToken cancellationToken)
        {
            bool won;
            try
            {
                won = await _attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Abandon();
                if (RedisFailures.IsOutage(ex)) throw RedisFailures.Unavailable("lock", ex);
                throw;
            }
            if (won) return await LockedRead.ReadHoldingAsync(new Handle(_owner, Resource, _token), _ => _early.WaitAsync(cancellationToken), cancellationToken).ConfigureAwait(false);

            Forget(_early); // read while another turn held the lock: possibly stale
            var handle = await _owner.AcquireAsync(Resource, _token, _ttl, _wait, _started, firstAttemptLost: true, cancellationToken).ConfigureAwait(false);
            return handle is null ? null : await LockedRead.ReadHoldingAsync(handle, _read, cancellationToken).ConfigureAwait(false);
        }

        // Not waited for: a won lock is released when the attempt's answer comes, and the read is dropped.
        protected override void Abandon()
        {
            Forget(_early);
            _owner.ReleaseIfWon(_attempt, Resource, _token);
        }
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

    // SET NX PX as the client issues it (a failure to queue becomes a failed task); into the request's batch when
    // handed one (a WeChat message's claim travels in it).
    private Task<bool> IssueTake(string resource, string token, TimeSpan ttl, StoreBatch? batch)
    {
        try
        {
            var (target, prefix, _) = _keys.Target(batch);
            return target.LockTakeAsync(prefix + resource, token, ttl);
        }
        catch (Exception ex)
        {
            return Task.FromException<bool>(ex);
        }
    }

    private async Task<bool> TakeAsync(string resource, string token, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var take = IssueTake(resource, token, ttl, batch: null);
        try
        {
            return await take.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The SET has gone out: if it wins after all, nobody holds the handle, so give the lock back at once
            // instead of leaving it taken until its TTL.
            ReleaseIfWon(take, resource, token);
            throw;
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            throw RedisFailures.Unavailable("lock", ex);
        }
    }

    // Not waited for: when an attempt nobody will complete gets its answer, a won lock is released (the same
    // compare-and-delete as any release, so a lock taken since by someone else stays).
    private void ReleaseIfWon(Task<bool> attempt, string resource, string token) =>
        _ = attempt.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully) { if (t.Result) Release(resource, token); }
            else _ = t.Exception; // an outage: nothing to release, and nothing left unobserved
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

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
