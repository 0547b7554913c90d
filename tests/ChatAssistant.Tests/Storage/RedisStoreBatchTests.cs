using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// A WeChat message's claim, the turn lock's first attempt and the session read leave for Redis as one batch
/// (<see cref="IKeyValueCache.BeginBatch"/>, handed to each call): held until the batch is sent, then sent together,
/// each with its own store's key prefix; calls without the batch, or after it was sent, go out as issued.
/// </summary>
public sealed class RedisStoreBatchTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task CommandsOfThreeStoresAreHeldUntilTheScopeEnds_ThenAnsweredTogether()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        var options = Options.Create(new RedisOptions { KeyPrefix = prefix });
        using var connection = redis.Connect();
        var cache = new RedisKeyValueCache(connection, options);
        var locks = new RedisDistributedLock(connection, options, NullLogger<RedisDistributedLock>.Instance);
        var sessions = new RedisStorage(connection, options);
        await sessions.WriteAsync(new Dictionary<string, object> { ["wechat/conversations/oT"] = new Dictionary<string, object> { ["step"] = "2" } });
        await using (await locks.TryAcquireAsync("warm", Ttl, TimeSpan.FromSeconds(1))) { } // connected: the server type is known
        var db = connection.GetDatabase();

        LockAttempt<IDictionary<string, object>> attempt;
        Task<int> claim;
        var batch = cache.BeginBatch();
        Assert.NotNull(batch);
        using (batch)
        {
            attempt = locks.BeginAcquireThenRead("turn:wechat:oT", Ttl, TimeSpan.FromSeconds(1), ct => sessions.ReadAsync(["wechat/conversations/oT"], batch, ct), batch);
            claim = cache.ClaimInOrderAsync([new KeyClaim("replay:q1", "body", Ttl, SameValueCounts: true), new KeyClaim("dedupe:m1", "1", Ttl)], batch);

            await Task.Delay(200);
            Assert.False(claim.IsCompleted); // nothing has left yet
            Assert.False(await db.KeyExistsAsync(prefix + "lock:turn:wechat:oT"));
            Assert.False(await db.KeyExistsAsync(prefix + "kv:replay:q1"));
        }

        Assert.Equal(2, await claim);
        await using var held = await attempt.CompleteAsync();
        Assert.NotNull(held);
        Assert.Equal("2", ((IDictionary<string, object>)held.Value["wechat/conversations/oT"])["step"].ToString());
        Assert.True(await db.KeyExistsAsync(prefix + "lock:turn:wechat:oT")); // each under its own store's prefix
        Assert.True(await db.KeyExistsAsync(prefix + "kv:dedupe:m1"));

        // Without the batch, or once it was sent, commands go out as issued (waiting for one right away does not hang).
        Assert.True(await cache.AddIfAbsentAsync("after", "1", Ttl).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim("replay:q2", "b", Ttl)], batch).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim("replay:q3", "b", Ttl)]).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [SkippableFact]
    public async Task AConnectionLostWhileTheScopeIsOpen_FailsEachCommandAsAnOutage_NotTheScope()
    {
        using var own = new RedisServer(); // stopped below: not the shared fixture
        own.Require();
        var options = Options.Create(new RedisOptions { KeyPrefix = RedisServer.UniquePrefix() });
        using var connection = own.Connect(RedisConnection.CommandTimeoutMs);
        var cache = new RedisKeyValueCache(connection, options);
        Assert.True(await cache.AddIfAbsentAsync("warm", "1", Ttl)); // connected: the server type is known

        Task<int> claim;
        var batch = cache.BeginBatch();
        Assert.NotNull(batch);
        claim = cache.ClaimInOrderAsync([new KeyClaim("replay:lost", "body", Ttl, SameValueCounts: true)], batch);
        own.Stop();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (connection.IsConnected && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        Assert.False(connection.IsConnected);

        batch.Send(); // StackExchange.Redis cannot write the batch: sending it does not throw ...
        // ... and the claim reports the outage the way every store does, in time for a "系统繁忙" inside WeChat's 5 s.
        await Assert.ThrowsAsync<StorageUnavailableException>(() => claim.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [SkippableFact]
    public async Task TwoPrimariesAreNotOneServer_SoNothingIsHeldBack()
    {
        redis.Require();
        using var other = new RedisServer();
        var options = Options.Create(new RedisOptions { KeyPrefix = RedisServer.UniquePrefix() });
        using var connection = await ConnectionMultiplexer.ConnectAsync(
            RedisConnection.Options($"{redis.ConnectionString},{other.ConnectionString},connectTimeout=10000"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (connection.GetServers().Any(s => !s.IsConnected) && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        Assert.Equal(2, connection.GetServers().Count(s => s.IsConnected && !s.IsReplica));

        // Commands of one request could land on either server, in any order: each goes out as issued.
        Assert.Null(new RedisKeyValueCache(connection, options).BeginBatch());
    }

    [Fact]
    public void AnInProcessCacheSendsAsIssued()
    {
        IKeyValueCache cache = new InMemoryKeyValueCache(TimeProvider.System);
        Assert.Null(cache.BeginBatch());
    }
}
