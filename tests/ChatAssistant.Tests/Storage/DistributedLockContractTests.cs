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
