using Dapper;
using DbUp;
using DbUp.Engine.Output;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatAssistant.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema of the records: the versioned scripts embedded in this assembly
/// (<c>Storage/Postgres/Migrations/NNNN_name.sql</c>, run in name order, each once, in its own transaction, recorded
/// in <c>schemaversions</c> by DbUp). Instances migrate at start-up under one advisory lock, so two starting together
/// run each script once; <c>records migrate</c> does the same for an operator.
/// </summary>
public static class RecordsSchema
{
    /// <summary>The session advisory lock held while migrating ("CARECORD" as a number, unlikely to meet another app's).</summary>
    public const long MigrationLock = 0x4341_5245_434F_5244;

    private const string ResourcePrefix = "records-migrations/";

    /// <summary>The scripts this version knows, in the order they run.</summary>
    public static IReadOnlyList<string> Scripts { get; } = typeof(RecordsSchema).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Runs the scripts the database has not run yet; returns their names. Fails with
    /// <see cref="RecordsDatabaseUnavailableException"/> when the database is unreachable, has run a script this
    /// version does not know (a newer version migrated it), or a script fails.
    /// </summary>
    public static IReadOnlyList<string> Migrate(NpgsqlDataSource dataSource, ILogger log)
    {
        NpgsqlConnection holder;
        try
        {
            holder = dataSource.OpenConnection();
        }
        catch (NpgsqlException e)
        {
            throw new RecordsDatabaseUnavailableException(Unreachable(dataSource, e), e);
        }
        using (holder)
        {
            // Held by this session until unlocked (or the connection ends, e.g. a crash): a second instance waits here
            // and then finds nothing left to run.
            holder.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLock });
            try
            {
                var engine = DeployChanges.To
                    .PostgresqlDatabase(new PostgresqlConnectionManager(dataSource))
                    .WithScriptsEmbeddedInAssembly(typeof(RecordsSchema).Assembly, name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                    .JournalToPostgresqlTable("public", "schemaversions")
                    .WithTransactionPerScript()
                    .LogTo(new UpgradeLog(log))
                    .Build();
                var newer = engine.GetExecutedButNotDiscoveredScripts();
                if (newer.Count > 0)
                    throw new RecordsDatabaseUnavailableException(
                        $"Setting 'Records:ConnectionString': the records database's schema is newer than this version of the assistant " +
                        $"(it has run {string.Join(", ", newer.Select(Short))}, which this version does not know). Run the newer version, " +
                        "or point Records:ConnectionString at a database made for this one.");
                var result = engine.PerformUpgrade();
                if (!result.Successful)
                    throw new RecordsDatabaseUnavailableException(
                        $"Migrating the records database failed at {Short(result.ErrorScript?.Name ?? "?")}: {result.Error?.Message}. Nothing of that script was kept; fix the cause and start again.",
                        result.Error);
                var ran = result.Scripts.Select(s => Short(s.Name)).ToList();
                if (ran.Count > 0) log.LogInformation("Records schema migrated: {Scripts}", string.Join(", ", ran));
                return ran;
            }
            finally
            {
                if (holder.State == System.Data.ConnectionState.Open)
                    holder.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLock });
            }
        }
    }

    /// <summary>The scripts the database has run, by short name (empty for a new database).</summary>
    public static IReadOnlyList<string> Applied(NpgsqlDataSource dataSource)
    {
        using var connection = dataSource.OpenConnection();
        var exists = connection.ExecuteScalar<bool>("SELECT to_regclass('public.schemaversions') IS NOT NULL");
        return exists ? connection.Query<string>("SELECT scriptname FROM public.schemaversions ORDER BY schemaversionsid").Select(Short).ToList() : [];
    }

    /// <summary>What to tell the operator when the server cannot be reached or refuses the login (never the password).</summary>
    internal static string Unreachable(NpgsqlDataSource dataSource, NpgsqlException e)
    {
        var where = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"Setting 'Records:ConnectionString': the PostgreSQL server at {where.Host}:{where.Port}, database '{where.Database}', cannot be used " +
               $"({e.Message}). Check that it runs, that the database exists and that the user may log in.";
    }

    private static string Short(string script) => script.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? script[ResourcePrefix.Length..] : script;

    /// <summary>DbUp's progress in the host's log.</summary>
    private sealed class UpgradeLog(ILogger log) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) => log.LogDebug("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogWarning(string format, params object[] args) => log.LogWarning("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogError(string format, params object[] args) => log.LogError("DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

        public void LogError(Exception ex, string format, params object[] args) => log.LogError(ex, "DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
