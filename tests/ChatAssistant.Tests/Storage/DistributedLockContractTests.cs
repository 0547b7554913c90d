using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>What every <see cref="IDistributedLock"/> must do (the per-user turn lock relies on it).</summary>
public abstract class DistributedLockContractTests
{
    protected static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    /// <summary>The lock as seen by <paramref name="instances"/> bot instances (one shared object in process).</summary>
    protected abstract IDistributedLock[] CreateLocks(int instances);

    [SkippableFact]
    public async Task ParallelCallersOnSeveralInstances_HoldTheLockOneAtATime()
    {
        var locks = CreateLocks(3);
        var inside = 0;
        var maxInside = 0;
        var entered = 0;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            await using var handle = await locks[i % locks.Length].TryAcquireAsync("user:o1", Ttl, TimeSpan.FromSeconds(20));
            Assert.NotNull(handle);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
            Interlocked.Increment(ref entered);
        })));

        Assert.Equal(24, entered);
        Assert.Equal(1, maxInside);
    }

    [SkippableFact]
    public async Task WhileHeld_OthersTimeOutWithNull_AndGetItAfterRelease()
    {
        var locks = CreateLocks(2);
        var held = await locks[0].TryAcquireAsync("user:o2", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(held);

        Assert.Null(await locks[1].TryAcquireAsync("user:o2", Ttl, TimeSpan.FromMilliseconds(150)));

        var waiting = locks[1].TryAcquireAsync("user:o2", Ttl, TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var next = await waiting;
        Assert.NotNull(next);
    }

    [SkippableFact]
    public async Task DifferentResources_DoNotBlockEachOther()
    {
        var locks = CreateLocks(1);
        await using var a = await locks[0].TryAcquireAsync("user:a", Ttl, TimeSpan.FromSeconds(1));
        await using var b = await locks[0].TryAcquireAsync("user:b", Ttl, TimeSpan.FromMilliseconds(100));
        Assert.NotNull(a);
        Assert.NotNull(b);
    }

    [SkippableFact]
    public async Task DisposingAHandleTwice_DoesNotReleaseTheNextHolder()
    {
        var locks = CreateLocks(2);
        var first = await locks[0].TryAcquireAsync("user:o3", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(first);
        await first.DisposeAsync();
        await using var second = await locks[1].TryAcquireAsync("user:o3", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(second);

        await first.DisposeAsync();

        Assert.Null(await locks[0].TryAcquireAsync("user:o3", Ttl, TimeSpan.FromMilliseconds(150)));
    }

    [SkippableFact]
    public async Task ReadUnderTheLock_SeesWhatTheHolderWroteBeforeReleasing()
    {
        var locks = CreateLocks(2);
        var value = "before";
        var held = await locks[0].TryAcquireAsync("user:o6", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(held);

        var reads = 0;
        var waiting = locks[1].TryAcquireThenReadAsync("user:o6", Ttl, TimeSpan.FromSeconds(5), _ =>
        {
            Interlocked.Increment(ref reads);
            return Task.FromResult(Volatile.Read(ref value));
        });
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Volatile.Write(ref value, "after"); // the holder's last write, then its release
        await held.DisposeAsync();

        await using var next = await waiting;
        Assert.NotNull(next);
        Assert.Equal("after", next.Value); // a read made before the lock was ours is never handed out
        Assert.InRange(reads, 1, 2);
        Assert.Null(await locks[0].TryAcquireAsync("user:o6", Ttl, TimeSpan.FromMilliseconds(100))); // still held
    }

    [SkippableFact]
    public async Task ReadUnderTheLock_FailingRead_ReleasesTheLock()
    {
        var locks = CreateLocks(2);
        await Assert.ThrowsAsync<InvalidOperationException>(() => locks[0].TryAcquireThenReadAsync<string>(
            "user:o7", Ttl, TimeSpan.FromSeconds(1), _ => Task.FromException<string>(new InvalidOperationException("read failed"))));

        await using var next = await locks[1].TryAcquireAsync("user:o7", Ttl, TimeSpan.FromSeconds(2));
        Assert.NotNull(next);
    }

    [SkippableFact]
    public async Task AnAttemptAbandonedBeforeItCompletes_LeavesTheLockFree_AndNeverFreesAnotherHolders()
    {
        var locks = CreateLocks(2);
        var abandoned = locks[0].BeginAcquireThenRead("user:o11", Ttl, TimeSpan.FromSeconds(5), _ => Task.FromResult("read"));
        await abandoned.DisposeAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => abandoned.CompleteAsync()); // undone for good

        // Had the abandoned attempt kept the lock, this would wait out its 30 s TTL and get null.
        var next = await locks[1].TryAcquireAsync("user:o11", Ttl, TimeSpan.FromSeconds(3));
        Assert.NotNull(next);

        // An attempt that loses to that holder and is then abandoned leaves the holder's lock alone.
        var lost = locks[0].BeginAcquireThenRead("user:o11", Ttl, TimeSpan.FromSeconds(5), _ => Task.FromResult("read"));
        await Task.Delay(100); // its answer is back
        await lost.DisposeAsync();
        Assert.Null(await locks[0].TryAcquireAsync("user:o11", Ttl, TimeSpan.FromMilliseconds(200)));

        // Completed, an attempt belongs to its handle: disposing the attempt then releases nothing.
        await next.DisposeAsync();
        var completed = locks[0].BeginAcquireThenRead("user:o11", Ttl, TimeSpan.FromSeconds(3), _ => Task.FromResult("read"));
        await using var held = await completed.CompleteAsync();
        Assert.NotNull(held);
        Assert.Equal("read", held.Value);
        await completed.DisposeAsync();
        Assert.Null(await locks[1].TryAcquireAsync("user:o11", Ttl, TimeSpan.FromMilliseconds(200)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

/// <summary>The lock contract on the in-process implementation (one object serves every "instance").</summary>
public sealed class InMemoryDistributedLockContractTests : DistributedLockContractTests
{
    protected override IDistributedLock[] CreateLocks(int instances)
    {
        var shared = new InMemoryDistributedLock();
        return Enumerable.Repeat<IDistributedLock>(shared, instances).ToArray();
    }
}

/// <summary>The lock contract on Redis, each instance with its own connection; plus TTL expiry.</summary>
public sealed class RedisDistributedLockContractTests(RedisServer redis) : DistributedLockContractTests, IClassFixture<RedisServer>, IDisposable
{
    private readonly List<ConnectionMultiplexer> _connections = [];

    protected override IDistributedLock[] CreateLocks(int instances)
    {
        redis.Require();
        var options = Options.Create(new RedisOptions { KeyPrefix = RedisServer.UniquePrefix() });
        return Enumerable.Range(0, instances).Select(_ =>
        {
            var connection = redis.Connect();
            _connections.Add(connection);
            return (IDistributedLock)new RedisDistributedLock(connection, options, NullLogger<RedisDistributedLock>.Instance);
        }).ToArray();
    }

    [SkippableFact]
    public async Task CrashedHolder_LockFreesItselfAfterItsTtl_AndTheLateReleaseKeepsTheNewLock()
    {
        var locks = CreateLocks(2);
        var crashed = await locks[0].TryAcquireAsync("user:o4", TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));
        Assert.NotNull(crashed);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var next = await locks[1].TryAcquireAsync("user:o4", Ttl, TimeSpan.FromSeconds(5));
        Assert.NotNull(next);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));

        await crashed.DisposeAsync(); // too late: must not delete the new holder's lock
        Assert.Null(await locks[0].TryAcquireAsync("user:o4", Ttl, TimeSpan.FromMilliseconds(150)));
    }

    [SkippableFact]
    public async Task ReadAhead_OnOneServer_TravelsWithTheLockAttempt_AndRunsAfterIt()
    {
        var (locks, db, prefix) = await ConnectedLockAsync();

        var calling = true;
        var sentWithTheAttempt = false;
        var acquiring = locks.TryAcquireThenReadAsync("user:o8", Ttl, TimeSpan.FromSeconds(1), _ =>
        {
            sentWithTheAttempt = Volatile.Read(ref calling); // invoked before the lock attempt's answer came back
            return db.KeyExistsAsync(prefix + "lock:user:o8");
        });
        Volatile.Write(ref calling, false);
        await using var held = await acquiring;

        Assert.NotNull(held);
        Assert.True(sentWithTheAttempt);
        Assert.True(held.Value); // yet Redis ran it after the attempt: the lock key was already there
    }

    [SkippableFact]
    public async Task ABegunAttempt_IsInRedisBeforeItIsCompleted()
    {
        var (locks, db, prefix) = await ConnectedLockAsync();

        var attempt = locks.BeginAcquireThenRead("user:o12", Ttl, TimeSpan.FromSeconds(1), _ => db.KeyExistsAsync(prefix + "lock:user:o12"));
        // Nobody has waited for it, yet the lock is taken: the commands went out when the attempt was begun, so
        // they share the round trip of whatever the caller sends next.
        Assert.True(await Eventually(() => db.KeyExistsAsync(prefix + "lock:user:o12")));
        await using var held = await attempt.CompleteAsync();
        Assert.NotNull(held);
        Assert.True(held.Value); // the read ran after the attempt
    }

    [SkippableFact]
    public async Task AnAcquireCancelledAfterItsAttemptLeft_GivesTheLockBackWhenTheAttemptWins()
    {
        using var own = new RedisServer(); // paused below: not the shared fixture
        own.Require();
        var prefix = RedisServer.UniquePrefix();
        using var connection = own.Connect();
        var locks = new RedisDistributedLock(connection, Options.Create(new RedisOptions { KeyPrefix = prefix }), NullLogger<RedisDistributedLock>.Instance);
        var db = connection.GetDatabase();

        own.Pause(); // the SET NX goes out, and waits in Redis's socket
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locks.TryAcquireAsync("user:o13", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), caller.Token));
        own.Resume(); // Redis runs the SET: it wins, for a caller that has gone

        // Nobody holds a handle, so the lock is given back, not kept for its 30 s.
        var free = false;
        for (var i = 0; i < 100 && !free; i++)
        {
            await Task.Delay(20);
            free = !await db.KeyExistsAsync(prefix + "lock:user:o13");
        }
        Assert.True(free, "the lock stayed taken after its acquire was cancelled");
        await using var next = await locks.TryAcquireAsync("user:o13", Ttl, TimeSpan.Zero);
        Assert.NotNull(next);
    }

    // One lock on a connection of its own (disposed with the class) under a fresh prefix, already connected, so the
    // server type is known and the read may travel with the attempt.
    private async Task<(RedisDistributedLock Locks, IDatabase Db, string Prefix)> ConnectedLockAsync()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        var connection = redis.Connect();
        _connections.Add(connection);
        var locks = new RedisDistributedLock(connection, Options.Create(new RedisOptions { KeyPrefix = prefix }), NullLogger<RedisDistributedLock>.Instance);
        await using (await locks.TryAcquireAsync("warm", Ttl, TimeSpan.FromSeconds(1))) { }
        return (locks, connection.GetDatabase(), prefix);
    }

    private static async Task<bool> Eventually(Func<Task<bool>> check)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await check()) return true;
            await Task.Delay(20);
        }
        return false;
    }

    [SkippableFact]
    public async Task Release_IsNotWaitedFor_YetThisProcessesNextAttemptFindsTheLockFree()
    {
        var locks = CreateLocks(2);
        for (var i = 0; i < 20; i++)
        {
            var held = await locks[0].TryAcquireAsync("user:o9", Ttl, TimeSpan.FromSeconds(1));
            Assert.NotNull(held);
            Assert.True(held.DisposeAsync().IsCompletedSuccessfully); // fire-and-forget: no round trip to wait for
            // Same connection: Redis runs the release before this attempt, so no wait is needed.
            await using var again = await locks[0].TryAcquireAsync("user:o9", Ttl, TimeSpan.Zero);
            Assert.NotNull(again);
        }
        // And another instance (its own connection) gets it within its short backoff.
        var last = await locks[0].TryAcquireAsync("user:o9", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(last);
        await last.DisposeAsync();
        await using var other = await locks[1].TryAcquireAsync("user:o9", Ttl, TimeSpan.FromSeconds(2));
        Assert.NotNull(other);
    }

    [SkippableFact]
    public async Task Release_WorksAfterRedisForgotItsScripts()
    {
        var locks = CreateLocks(1);
        await using (await locks[0].TryAcquireAsync("user:o10", Ttl, TimeSpan.FromSeconds(1))) { } // script used once
        using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true"))
            await admin.GetServers()[0].ScriptFlushAsync(); // as after a Redis restart: EVALSHA would get NOSCRIPT

        var held = await locks[0].TryAcquireAsync("user:o10", Ttl, TimeSpan.FromSeconds(1));
        Assert.NotNull(held);
        await held.DisposeAsync();
        await using var again = await locks[0].TryAcquireAsync("user:o10", Ttl, TimeSpan.Zero);
        Assert.NotNull(again);
    }

    [SkippableFact]
    public async Task RedisDown_AcquireThrowsStorageUnavailable()
    {
        var locks = CreateLocks(1);
        redis.Stop();
        try
        {
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(
                () => locks[0].TryAcquireAsync("user:o5", Ttl, TimeSpan.FromSeconds(1)));
            Assert.True(ChatAssistant.Conversation.StoreFailures.IsTransient(error));
        }
        finally
        {
            redis.Restart();
        }
    }

    public void Dispose()
    {
        foreach (var connection in _connections) connection.Dispose();
    }
}
