using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Registers where sessions and shared short-lived keys live: Redis when configured, embedded otherwise.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Tag of the health checks that tell whether the instance is ready for traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers <see cref="IStorage"/>, <see cref="IKeyValueCache"/>, <see cref="IDistributedLock"/> and <see cref="IClusterSignals"/>.
    /// With "Redis:Configuration" set: Redis implementations on one <see cref="IConnectionMultiplexer"/>.
    /// Unset: <see cref="LiteDbStorage"/> on the application's <see cref="ILiteDatabase"/> (which the caller
    /// registers) and the in-process coordination. Also the "redis" health check (tag "ready"; healthy when
    /// Redis is not used). The "Redis" settings are validated at start-up.
    /// </summary>
    /// <remarks>
    /// The choice is made when a service is first resolved, from the bound options, not now: configuration
    /// sources added after this call (tests, hosting overrides) still count.
    /// </remarks>
    public static IServiceCollection AddSessionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSettings<RedisOptions, RedisOptionsValidator>(RedisOptions.Section, configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = Options(sp);
            if (!options.UsesRedis) throw new InvalidOperationException("Redis:Configuration is not set; sessions are embedded.");
            return RedisConnection.Connect(options.Configuration!, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisConnection)));
        });
        services.AddHostedService<RedisConnectionWarmup>();

        services.AddSingleton<IStorage>(sp => Options(sp).UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisStorage>(sp)
            : new LiteDbStorage(sp.GetRequiredService<ILiteDatabase>(), Options(sp).SessionTtl, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IKeyValueCache>(sp => Options(sp).UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisKeyValueCache>(sp)
            : ActivatorUtilities.CreateInstance<InMemoryKeyValueCache>(sp));
        services.AddSingleton<IDistributedLock>(sp => Options(sp).UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisDistributedLock>(sp)
            : new InMemoryDistributedLock());
        services.AddSingleton<IClusterSignals>(sp => Options(sp).UsesRedis
            ? ActivatorUtilities.CreateInstance<RedisClusterSignals>(sp)
            : new SingleInstanceSignals());

        services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            RedisHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(2));
        return services;
    }

    private static RedisOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<RedisOptions>>().Value;
}
