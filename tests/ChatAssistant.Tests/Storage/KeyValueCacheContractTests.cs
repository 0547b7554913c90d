using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>What every <see cref="IKeyValueCache"/> must do (retry dedupe and replay cache rely on it).</summary>
public abstract class KeyValueCacheContractTests
{
    protected static readonly TimeSpan ShortTtl = TimeSpan.FromSeconds(1);

    protected abstract IKeyValueCache CreateCache();

    /// <summary>Lets <paramref name="duration"/> pass for the cache (fake clock or real wait).</summary>
    protected abstract Task ElapseAsync(TimeSpan duration);

    [SkippableFact]
    public async Task AddIfAbsent_ParallelCallers_OnlyOneStores()
    {
        var cache = CreateCache();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => cache.AddIfAbsentAsync("msg:123", $"caller-{i}", TimeSpan.FromMinutes(1)))));

        Assert.Equal(1, results.Count(stored => stored));
        var winner = Array.IndexOf(results, true);
        Assert.Equal($"caller-{winner}", await cache.GetAsync("msg:123"));
    }

    [SkippableFact]
    public async Task AddIfAbsent_AfterExpiry_StoresAgain()
    {
        var cache = CreateCache();
        Assert.True(await cache.AddIfAbsentAsync("k", "first", ShortTtl));
        Assert.False(await cache.AddIfAbsentAsync("k", "second", ShortTtl));

        await ElapseAsync(ShortTtl * 2);

        Assert.Null(await cache.GetAsync("k"));
        Assert.True(await cache.AddIfAbsentAsync("k", "third", ShortTtl));
        Assert.Equal("third", await cache.GetAsync("k"));
    }

    [SkippableFact]
    public async Task ClaimInOrder_StopsAtTheFirstRefusal_AndNeverMakesTheLaterClaims()
    {
        var cache = CreateCache();
        var ttl = TimeSpan.FromMinutes(1);
        KeyClaim Replay(string hash) => new("replay:q1", hash, ttl, SameValueCounts: true);
        KeyClaim Dedupe(string id) => new("dedupe:" + id, "1", ttl);

        Assert.Equal(2, await cache.ClaimInOrderAsync([Replay("body-a"), Dedupe("m1")])); // both new
        Assert.Equal(1, await cache.ClaimInOrderAsync([Replay("body-a"), Dedupe("m1")])); // a retry: same body, taken id
        Assert.Equal(0, await cache.ClaimInOrderAsync([Replay("body-b"), Dedupe("m2")])); // another body on the query
        Assert.Null(await cache.GetAsync("dedupe:m2")); // refused first: the second claim was never made
        Assert.Equal("body-a", await cache.GetAsync("replay:q1"));
        Assert.Equal(0, await cache.ClaimInOrderAsync([Dedupe("m1"), Dedupe("m3")])); // same value counts only when asked
        Assert.Null(await cache.GetAsync("dedupe:m3"));
        Assert.Equal(0, await cache.ClaimInOrderAsync([]));
    }

    [SkippableFact]
    public async Task ClaimInOrder_ParallelCallers_OnlyOneGetsTheSecondKey_AndClaimsExpire()
    {
        var cache = CreateCache();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() =>
            cache.ClaimInOrderAsync([new KeyClaim("replay:q2", "same-body", ShortTtl, SameValueCounts: true), new KeyClaim("dedupe:m4", "1", ShortTtl)]))));
        Assert.Equal(1, results.Count(r => r == 2));
        Assert.Equal(39, results.Count(r => r == 1));

        await ElapseAsync(ShortTtl * 2);
        Assert.Equal(2, await cache.ClaimInOrderAsync([new KeyClaim("replay:q2", "other-body", ShortTtl, SameValueCounts: true), new KeyClaim("dedupe:m4", "1", ShortTtl)]));
    }

    [SkippableFact]
    public async Task GroupedClaims_AreClaimedOneByOneWithinTheirGroup_ReadBack_AndExpire()
    {
        var cache = CreateCache();
        CacheKey Replay(string q) => new(q, "replay:1764223200");
        KeyClaim Claim(string q, string body) => new(Replay(q), body, ShortTtl, SameValueCounts: true);
        var dedupe = new CacheKey("m1", "dedupe:1764223200");

        Assert.Equal(2, await cache.ClaimInOrderAsync([Claim("q1", "body-a"), new KeyClaim(dedupe, "1", ShortTtl)]));
        Assert.Equal(1, await cache.ClaimInOrderAsync([Claim("q1", "body-a"), new KeyClaim(dedupe, "1", ShortTtl)])); // a retry
        Assert.Equal(0, await cache.ClaimInOrderAsync([Claim("q1", "body-b")])); // another body on a taken query
        Assert.Equal(1, await cache.ClaimInOrderAsync([Claim("q2", "body-b")])); // another query of the same group is its own key
        Assert.Equal("body-a", await cache.GetGroupedAsync(Replay("q1")));
        Assert.Equal("body-b", await cache.GetGroupedAsync(Replay("q2")));
        Assert.Null(await cache.GetGroupedAsync(Replay("q3")));
        Assert.Null(await cache.GetAsync("q1")); // a grouped key is not the lone key of the same name
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim("q1", "lone", ShortTtl)]));

        await ElapseAsync(ShortTtl * 2);
        Assert.Null(await cache.GetGroupedAsync(Replay("q1")));
        Assert.Null(await cache.GetGroupedAsync(dedupe));
        Assert.Equal(1, await cache.ClaimInOrderAsync([Claim("q1", "body-c")]));
    }

    [SkippableFact]
    public async Task GroupedKeys_LiveAtLeastTheirOwnTtl_AGroupIsKeptForItsLongestLivedKey()
    {
        var cache = CreateCache();
        var shortOne = new CacheKey("short", "reply:1764223200");
        var longOne = new CacheKey("long", "reply:1764223200");
        var lone = new CacheKey("alone");
        cache.PostGrouped(longOne, "L", ShortTtl * 4);
        cache.PostGrouped(shortOne, "a", ShortTtl);
        cache.PostGrouped(shortOne, "b", ShortTtl); // overwrites
        cache.PostGrouped(lone, "x", ShortTtl);
        Assert.Equal("b", await cache.GetGroupedAsync(shortOne)); // nothing awaited the write, yet the next read sees it
        Assert.Equal("L", await cache.GetGroupedAsync(longOne));
        Assert.Equal("x", await cache.GetAsync("alone")); // a key without a group is an ordinary key
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("c", "reply:1764223200"), "1", ShortTtl)]));

        await ElapseAsync(ShortTtl * 2);
        Assert.Equal("L", await cache.GetGroupedAsync(longOne)); // a shorter key never shortens its group
        Assert.Null(await cache.GetAsync("alone"));

        await ElapseAsync(ShortTtl * 3);
        Assert.Null(await cache.GetGroupedAsync(longOne));
        Assert.Null(await cache.GetGroupedAsync(shortOne));
    }

    [SkippableFact]
    public async Task Set_Overwrites_AndExpires()
    {
        var cache = CreateCache();
        await cache.SetAsync("token", "a", TimeSpan.FromMinutes(1));
        await cache.SetAsync("token", "b", ShortTtl);
        Assert.Equal("b", await cache.GetAsync("token"));

        await ElapseAsync(ShortTtl * 2);
        Assert.Null(await cache.GetAsync("token"));
    }

    [SkippableFact]
    public async Task Post_IsReadBackByTheNextRead_OverwritesAndExpires()
    {
        var cache = CreateCache();
        cache.Post("reply", "a", TimeSpan.FromMinutes(1));
        Assert.Equal("a", await cache.GetAsync("reply")); // nothing awaited the write, yet the next read sees it
        cache.Post("reply", "b", ShortTtl);
        Assert.Equal("b", await cache.GetAsync("reply"));

        await ElapseAsync(ShortTtl * 2);
        Assert.Null(await cache.GetAsync("reply"));
    }

    [SkippableFact]
    public async Task TryTake_CountsUpToTheLimit_KeepsTheRestOfTheValue_AndKnowsNoCounterWhenAbsent()
    {
        var cache = CreateCache();
        Assert.Null(await cache.TryTakeAsync("window", 2));
        await cache.SetAsync("window", "0|1767225600", TimeSpan.FromMinutes(1));
        Assert.True(await cache.TryTakeAsync("window", 2));
        Assert.True(await cache.TryTakeAsync("window", 2));
        Assert.False(await cache.TryTakeAsync("window", 2));
        Assert.Equal("2|1767225600", await cache.GetAsync("window"));
        await cache.SetAsync("text", "not a count", TimeSpan.FromMinutes(1));
        Assert.Null(await cache.TryTakeAsync("text", 2));

        await cache.SetAsync("short", "0", ShortTtl);
        Assert.True(await cache.TryTakeAsync("short", 5));
        await ElapseAsync(ShortTtl * 2); // taking a use kept the key's expiry
        Assert.Null(await cache.TryTakeAsync("short", 5));
    }

    [SkippableFact]
    public async Task TryTake_ParallelSenders_TakeExactlyTheUsesLeft()
    {
        var cache = CreateCache();
        await cache.SetAsync("window", "3|0", TimeSpan.FromMinutes(1));
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => cache.TryTakeAsync("window", 10))));

        Assert.Equal(7, results.Count(taken => taken == true));
        Assert.Equal("10|0", await cache.GetAsync("window"));
    }

    [SkippableFact]
    public async Task Increment_CountsFromOne_EachIncrementRenewsTheExpiry_AndAnExpiredCounterStartsAgain()
    {
        var cache = CreateCache();
        var ttl = ShortTtl * 2;
        Assert.Equal(1, await cache.IncrementAsync("count", ttl));
        Assert.Equal(2, await cache.IncrementAsync("count", ttl));
        Assert.Equal("2", await cache.GetAsync("count"));
        await ElapseAsync(ShortTtl * 1.5);
        Assert.Equal(3, await cache.IncrementAsync("count", ttl));
        await ElapseAsync(ShortTtl * 1.5); // past the first expiry: the third increment renewed it
        Assert.Equal(4, await cache.IncrementAsync("count", ttl));

        await ElapseAsync(ttl * 1.5);
        Assert.Null(await cache.GetAsync("count"));
        Assert.Equal(1, await cache.IncrementAsync("count", ttl));
    }

    [SkippableFact]
    public async Task Increment_ParallelCallers_EachGetsItsOwnCount()
    {
        var cache = CreateCache();
        var counts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.IncrementAsync("flood", TimeSpan.FromMinutes(1)))));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => (long)n), counts.Order());
        Assert.Equal("50", await cache.GetAsync("flood"));
    }

    [SkippableFact]
    public async Task Remove_DeletesTheKey_AndMissingKeysReadNull()
    {
        var cache = CreateCache();
        await cache.SetAsync("k", "v", TimeSpan.FromMinutes(1));
        await cache.RemoveAsync("k");
        await cache.RemoveAsync("never-set");
        Assert.Null(await cache.GetAsync("k"));
        Assert.True(await cache.AddIfAbsentAsync("k", "again", TimeSpan.FromMinutes(1)));
    }
}

/// <summary>The cache contract on the in-process implementation, with a fake clock.</summary>
public sealed class InMemoryKeyValueCacheContractTests : KeyValueCacheContractTests
{
    private readonly FakeTimeProvider _time = new();

    protected override IKeyValueCache CreateCache() => new InMemoryKeyValueCache(_time);

    protected override Task ElapseAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }
}

/// <summary>The cache contract on Redis (real server, real time).</summary>
public sealed class RedisKeyValueCacheContractTests(RedisServer redis) : KeyValueCacheContractTests, IClassFixture<RedisServer>, IDisposable
{
    private ConnectionMultiplexer? _connection;

    protected override IKeyValueCache CreateCache()
    {
        redis.Require();
        _connection = redis.Connect();
        return new RedisKeyValueCache(_connection, Options.Create(new RedisOptions { KeyPrefix = RedisServer.UniquePrefix() }));
    }

    protected override Task ElapseAsync(TimeSpan duration) => Task.Delay(duration);

    public void Dispose() => _connection?.Dispose();

    [SkippableFact]
    public async Task GroupedClaimsAndPosts_WorkAfterRedisForgotItsScripts()
    {
        var cache = CreateCache();
        var ttl = TimeSpan.FromMinutes(1);
        var reply = new CacheKey("m1", "wechat:reply:1764223200");
        cache.PostGrouped(reply, "before", ttl);
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("q1", "wechat:replay:1764223200"), "b", ttl)]));
        using (var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true"))
            await admin.GetServers()[0].ScriptFlushAsync(); // as after a Redis restart: EVALSHA would get NOSCRIPT

        cache.PostGrouped(reply, "after", ttl); // not waited for, so it must not depend on a cached script
        Assert.Equal("after", await cache.GetGroupedAsync(reply));
        Assert.Equal(1, await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("q2", "wechat:replay:1764223200"), "b", ttl)]));
        Assert.Equal(0, await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("q1", "wechat:replay:1764223200"), "other", ttl, SameValueCounts: true)]));
    }

    [SkippableFact]
    public void AGroupedKeyWithoutAName_IsRefused()
    {
        var cache = CreateCache();
        Assert.Throws<ArgumentException>(() => cache.PostGrouped(new CacheKey("", "wechat:reply:1"), "x", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public async Task AGroupIsOneRedisKey_WhateverItsEntries_AndItsExpiryIsOnlyEverRaised()
    {
        redis.Require();
        using var connection = redis.Connect();
        var prefix = RedisServer.UniquePrefix();
        var cache = new RedisKeyValueCache(connection, Options.Create(new RedisOptions { KeyPrefix = prefix }));
        var ttl = TimeSpan.FromMinutes(5);
        // What a second of WeChat messages leaves: a replay and a dedupe claim per message, a remembered reply each.
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(2, await cache.ClaimInOrderAsync([
                new KeyClaim(new CacheKey($"q{i}", "wechat:replay:1764223200"), "body", ttl, SameValueCounts: true),
                new KeyClaim(new CacheKey($"m{i}", "wechat:dedupe:1764223200"), "1", ttl + TimeSpan.FromMinutes(1))]));
            cache.PostGrouped(new CacheKey($"m{i}", "wechat:reply:1764223200"), "S", TimeSpan.FromMinutes(2));
        }
        Assert.Equal("S", await cache.GetGroupedAsync(new CacheKey("m299", "wechat:reply:1764223200")));

        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = server.Keys(pattern: prefix + "*").Select(k => (string)k!).Order().ToList();
        Assert.Equal([prefix + "kv:wechat:dedupe:1764223200", prefix + "kv:wechat:replay:1764223200", prefix + "kv:wechat:reply:1764223200"], keys);
        var db = connection.GetDatabase();
        Assert.Equal(300, await db.HashLengthAsync(prefix + "kv:wechat:replay:1764223200"));
        var dedupeTtl = await db.KeyTimeToLiveAsync(prefix + "kv:wechat:dedupe:1764223200");
        Assert.InRange(dedupeTtl!.Value, TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(6));

        // A shorter claim in the group does not shorten it; a longer one lengthens it.
        await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("late", "wechat:dedupe:1764223200"), "1", TimeSpan.FromSeconds(5))]);
        Assert.True((await db.KeyTimeToLiveAsync(prefix + "kv:wechat:dedupe:1764223200"))!.Value > TimeSpan.FromMinutes(5.5));
        await cache.ClaimInOrderAsync([new KeyClaim(new CacheKey("later", "wechat:dedupe:1764223200"), "1", TimeSpan.FromMinutes(9))]);
        Assert.True((await db.KeyTimeToLiveAsync(prefix + "kv:wechat:dedupe:1764223200"))!.Value > TimeSpan.FromMinutes(8.5));
    }
}
