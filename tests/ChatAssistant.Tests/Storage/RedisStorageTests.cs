using System.Diagnostics;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ChatAssistant.Tests.Storage;

/// <summary>What RedisStorage adds to the contract: prefix, idle TTL, and behaviour while Redis is down.</summary>
public sealed class RedisStorageTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IDisposable
{
    private readonly List<ConnectionMultiplexer> _connections = [];

    [SkippableFact]
    public async Task Write_PutsThePrefixAndTheSessionTtlOnTheKey()
    {
        var (storage, raw, prefix) = Create(TimeSpan.FromMinutes(30));
        await storage.WriteAsync(new Dictionary<string, object> { ["conv/1"] = new PocoItem { Id = "1" } });

        var ttl = await raw.KeyTimeToLiveAsync(prefix + "state:conv/1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.False(await raw.KeyExistsAsync("conv/1"));
    }

    [SkippableFact]
    public async Task IdleSession_ExpiresAfterTheTtl_ButReadsKeepItAlive()
    {
        var (storage, _, _) = Create(TimeSpan.FromSeconds(3));
        await storage.WriteAsync(new Dictionary<string, object> { ["s"] = new PocoItem { Id = "1" } });

        await Task.Delay(TimeSpan.FromSeconds(1.7));
        Assert.Single(await storage.ReadAsync(["s"]));
        await Task.Delay(TimeSpan.FromSeconds(1.7));
        Assert.Single(await storage.ReadAsync(["s"])); // 3.4 s after the write, alive because it was read

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Empty(await storage.ReadAsync(["s"]));
    }

    [SkippableFact]
    public async Task DifferentPrefixes_DoNotSeeEachOther()
    {
        var (one, _, _) = Create(TimeSpan.FromMinutes(1));
        var (two, _, _) = Create(TimeSpan.FromMinutes(1));
        await one.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "one" } });
        Assert.Empty(await two.ReadAsync(["k"]));
    }

    [SkippableFact]
    public async Task RedisDown_FailsFastWithStorageUnavailable_AndRecoversByItself()
    {
        var (storage, _, _) = Create(TimeSpan.FromMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "before" } });

        redis.Stop();
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
            Assert.True(ChatAssistant.Conversation.StoreFailures.IsTransient(error));
            output.WriteLine("read failed after {0:F0} ms with Redis down", clock.Elapsed.TotalMilliseconds);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8)); // 1 s command timeout; the bound only catches a hang
            await Assert.ThrowsAsync<StorageUnavailableException>(
                () => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "during" } }));
        }
        finally
        {
            redis.Restart();
        }

        // Same storage, same multiplexer: it reconnects in the background (the data was not persisted).
        var recovered = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "after" } });
                break;
            }
            catch (StorageUnavailableException) when (recovered.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }
        }
        output.WriteLine("first successful write {0:F0} ms after the restart", recovered.Elapsed.TotalMilliseconds);
        Assert.Equal("after", Assert.IsType<PocoItem>((await storage.ReadAsync(["k"]))["k"]).Id);
    }

    [SkippableFact]
    public async Task RedisStalled_TimesOutWithStorageUnavailableWellUnderFiveSeconds()
    {
        var (storage, _, _) = Create(TimeSpan.FromMinutes(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "before" } });

        redis.Pause();
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
            output.WriteLine("read failed after {0:F0} ms with Redis stalled", clock.Elapsed.TotalMilliseconds);
            Assert.True(ChatAssistant.Conversation.StoreFailures.IsTransient(error));
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8)); // 1 s command timeout; the bound only catches a hang
        }
        finally
        {
            redis.Resume();
        }

        Assert.Equal("before", Assert.IsType<PocoItem>((await storage.ReadAsync(["k"]))["k"]).Id);
    }

    private (RedisStorage Storage, IDatabase Raw, string Prefix) Create(TimeSpan ttl)
    {
        redis.Require();
        var connection = redis.Connect(RedisConnection.CommandTimeoutMs); // the production timeouts: stalls are tested here
        _connections.Add(connection);
        var prefix = RedisServer.UniquePrefix();
        var storage = new RedisStorage(connection, Options.Create(new RedisOptions { KeyPrefix = prefix, SessionTtl = ttl }));
        return (storage, connection.GetDatabase(), prefix);
    }

    public void Dispose()
    {
        foreach (var connection in _connections) connection.Dispose();
    }
}
