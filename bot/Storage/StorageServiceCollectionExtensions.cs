using ChatAssistant.Adapters.Coordination;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Registers where sessions and shared short-lived keys live: Redis when configured, embedded otherwise.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Tag of the health checks that tell whether the instance is ready for traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers <see cref="IStorage"/>, <see cref="IKeyValueCache"/> and <see cref="IDistributedLock"/>.
    /// With "Redis:Configuration" set: Redis implementations, one <see cref="IConnectionMultiplexer"/> and the
    /// "redis" health check (tag "ready"). Unset: <see cref="LiteDbStorage"/> on the application's
    /// <see cref="ILiteDatabase"/> (which the caller registers) and the in-process coordination.
    /// The "Redis" settings are validated at start-up.
    /// </summary>
    public static IServiceCollection AddSessionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RedisOptions.Section);
        services.AddOptions<RedisOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        if (string.IsNullOrWhiteSpace(section[nameof(RedisOptions.Configuration)]))
        {
            services.AddSingleton<IStorage>(sp => new LiteDbStorage(
                sp.GetRequiredService<ILiteDatabase>(),
                sp.GetRequiredService<IOptions<RedisOptions>>().Value.SessionTtl,
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IKeyValueCache, InMemoryKeyValueCache>();
            services.AddSingleton<IDistributedLock, InMemoryDistributedLock>();
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(sp => RedisConnection.Connect(
            sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisConnection))));
        services.AddHostedService<RedisConnectionWarmup>();
        services.AddSingleton<IStorage, RedisStorage>();
        services.AddSingleton<IKeyValueCache, RedisKeyValueCache>();
        services.AddSingleton<IDistributedLock, RedisDistributedLock>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(
            RedisHealthCheck.Name, HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(2));
        return services;
    }
}
