using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ChatAssistant.Tests.Storage;

/// <summary>AddSessionStorage: Redis when configured, embedded otherwise; settings checked at start-up; health check.</summary>
public sealed class StorageRegistrationTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task WithoutRedis_RegistersTheEmbeddedStores()
    {
        using var db = new LiteDatabase(new MemoryStream());
        await using var services = Build([], s => s.AddSingleton<ILiteDatabase>(db));

        Assert.IsType<LiteDbStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<InMemoryKeyValueCache>(services.GetRequiredService<IKeyValueCache>());
        Assert.IsType<InMemoryDistributedLock>(services.GetRequiredService<IDistributedLock>());
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries[RedisHealthCheck.Name].Status);
    }

    [SkippableFact]
    public async Task WithRedis_RegistersRedisStores_OneMultiplexer_AndAHealthyCheck()
    {
        redis.Require();
        await using var services = Build(new() { ["Redis:Configuration"] = redis.ConnectionString, ["Redis:KeyPrefix"] = RedisServer.UniquePrefix() });

        Assert.IsType<RedisStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<RedisKeyValueCache>(services.GetRequiredService<IKeyValueCache>());
        Assert.IsType<RedisDistributedLock>(services.GetRequiredService<IDistributedLock>());
        var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(multiplexer, services.GetRequiredService<IConnectionMultiplexer>());
        Assert.False(ConfigurationOptions.Parse(multiplexer.Configuration).AbortOnConnectFail);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries[RedisHealthCheck.Name].Status);
        Assert.Contains(StorageServiceCollectionExtensions.ReadyTag, report.Entries[RedisHealthCheck.Name].Tags);
    }

    [SkippableFact]
    public async Task RedisUnreachable_StartsAnyway_AndHealthCheckIsUnhealthy()
    {
        redis.Require();
        // A port nobody listens on: start-up must not fail (AbortOnConnectFail=false), readiness must.
        await using var services = Build(new() { ["Redis:Configuration"] = $"127.0.0.1:{FreePort()}" });
        var connecting = System.Diagnostics.Stopwatch.StartNew();
        services.GetRequiredService<IConnectionMultiplexer>(); // what RedisConnectionWarmup does at host start
        output.WriteLine("start-up connect gave up after {0:F0} ms", connecting.Elapsed.TotalMilliseconds);
        Assert.InRange(connecting.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        output.WriteLine("health check answered in {0:F0} ms", clock.Elapsed.TotalMilliseconds);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[RedisHealthCheck.Name].Status);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(8)); // 1 s command timeout; the bound only catches a hang
    }

    [Theory]
    [InlineData("Redis:SessionTtl", "00:00:00", "Redis:SessionTtl")]
    [InlineData("Redis:KeyPrefix", " ", "Redis:KeyPrefix")]
    [InlineData("Redis:Configuration", "localhost:6379,abortConnect=maybe", "Redis:Configuration")]
    public async Task InvalidSetting_StopsTheStartWithItsName(string key, string value, string named)
    {
        using var db = new LiteDatabase(new MemoryStream());
        var host = new HostBuilder()
            .ConfigureServices(s => s.AddSingleton<ILiteDatabase>(db).AddSessionStorage(Configuration(new() { [key] = value })))
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(named, error.Message);
        host.Dispose();
    }

    [Fact]
    public void MalformedTtl_NamesTheSetting()
    {
        using var db = new LiteDatabase(new MemoryStream());
        using var services = Build(new() { ["Redis:SessionTtl"] = "half an hour" }, s => s.AddSingleton<ILiteDatabase>(db));
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOptions<RedisOptions>>().Value);
        Assert.Contains("Redis:SessionTtl", error.Message);
    }

    [Fact]
    public void Defaults_AreThirtyMinutesAndTheAppPrefix()
    {
        var options = new RedisOptions();
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionTtl);
        Assert.Equal("chatassistant:", options.KeyPrefix);
        Assert.False(options.UsesRedis);
    }

    [Fact]
    public void ConnectionOptions_KeepEveryTimeoutWellUnderWeChatsDeadline()
    {
        var options = RedisConnection.Options("127.0.0.1:6379");
        Assert.False(options.AbortOnConnectFail);
        Assert.InRange(options.ConnectTimeout, 1, 2000);
        Assert.InRange(options.SyncTimeout, 1, 2000);
        Assert.InRange(options.AsyncTimeout, 1, 2000);
        Assert.Equal(3000, RedisConnection.Options("127.0.0.1:6379,syncTimeout=3000").SyncTimeout);
    }

    [SkippableFact]
    public async Task SettingsAddedAfterRegistration_StillChooseRedis()
    {
        redis.Require();
        var configuration = new ConfigurationManager();
        var services = new ServiceCollection().AddLogging().AddSessionStorage(configuration);
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:Configuration"] = redis.ConnectionString });
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<RedisStorage>(provider.GetRequiredService<IStorage>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddLogging();
        more?.Invoke(services);
        services.AddSessionStorage(Configuration(settings));
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
