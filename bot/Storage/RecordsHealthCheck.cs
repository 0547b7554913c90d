using ChatAssistant.Storage.Postgres;
using Dapper;
using LiteDB;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatAssistant.Storage;

/// <summary>
/// Ready when the records answer a trivial query: the LiteDB file (<c>litedb</c>, which holds every record not yet on
/// PostgreSQL), and with <c>Records:Provider=postgres</c> the PostgreSQL server (<c>postgres</c>; healthy and idle
/// without it).
/// </summary>
internal sealed class RecordsHealthCheck(IServiceProvider services, IOptions<RecordsOptions> options, string engine) : IHealthCheck
{
    public const string LiteDbName = "litedb";
    public const string PostgresName = "postgres";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (engine == LiteDbName)
        {
            try
            {
                _ = services.GetRequiredService<ILiteDatabase>().GetCollectionNames().Count();
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
            {
                return HealthCheckResult.Unhealthy("LiteDB unavailable");
            }
        }
        if (!options.Value.UsesPostgres) return HealthCheckResult.Healthy("Not configured: records are in LiteDB.");
        try
        {
            await using var connection = await services.GetRequiredService<PostgresRecords>().DataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", commandTimeout: 2, cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or RecordsDatabaseUnavailableException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unavailable");
        }
    }
}
