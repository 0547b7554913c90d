using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// A WeChat message's claim, the turn lock's first attempt and the session read leave for Redis as one batch
/// (<see cref="IKeyValueCache.SendTogether"/>): held while the scope is open, sent when it is disposed, each
/// with its own store's key prefix; outside a scope every command goes out as issued.
/// </summary>
public sealed class RedisSendTogetherTests(RedisServer redis) : IClassFixture<RedisServer>
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
        using (var together = cache.SendTogether())
        {
            Assert.NotNull(together);
            attempt = locks.BeginAcquireThenRead("turn:wechat:oT", Ttl, TimeSpan.FromSeconds(1), ct => sessions.ReadAsync(["wechat/conversations/oT"], ct));
            claim = cache.ClaimInOrderAsync([new KeyClaim("replay:q1", "body", Ttl, SameValueCounts: true), new KeyClaim("dedupe:m1", "1", Ttl)]);

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

        // After the scope, commands go out as issued (waiting for one right away does not hang).
        Assert.True(await cache.AddIfAbsentAsync("after", "1", Ttl).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim("replay:q2", "b", Ttl)]).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void AnInProcessCacheSendsAsIssued()
    {
        IKeyValueCache cache = new InMemoryKeyValueCache(TimeProvider.System);
        Assert.Null(cache.SendTogether());
    }
}
