using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Readiness of Redis: one PING that must answer within a second. Healthy when Redis is not used.</summary>
public sealed class RedisHealthCheck(IServiceProvider services, IOptions<RedisOptions> options) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "redis";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.UsesRedis) return HealthCheckResult.Healthy("Not configured: sessions are embedded.");
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy("Redis is not connected.");
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING in time.", ex);
        }
    }
}
