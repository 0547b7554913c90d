using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatAssistant.Storage;

/// <summary>Ready when the LiteDB file answers a trivial query.</summary>
internal sealed class RecordsHealthCheck(ILiteDatabase db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = db.GetCollectionNames().Count();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("LiteDB unavailable"));
        }
    }
}
