using ChatAssistant.Adapters;
using ChatAssistant.Storage.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Storage;

/// <summary>
/// Where the records live (<c>Records:Provider</c>, docs/RECORDS.md): the LiteDB file (the default, and for every
/// record not yet moved), and with <c>postgres</c> the PostgreSQL database of the stores that have a PostgreSQL
/// implementation. Each such store is registered with <see cref="AddRecordStore{TStore,TLiteDb,TPostgres}"/>.
/// </summary>
public static class RecordsRegistration
{
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddSettings<RecordsOptions, RecordsOptionsValidator>(RecordsOptions.Section);
        services.AddRecordsDatabase();
        // Opened (and its schema migrated) by the first store that needs it; the server opens it before it starts.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RecordsOptions>>().Value;
            if (!options.UsesPostgres)
                throw new InvalidOperationException("The records are in LiteDB (Records:Provider is not 'postgres'); nothing should ask for PostgreSQL.");
            return PostgresRecords.Open(options.ConnectionString!, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PostgresRecords)));
        });
        services.AddHealthChecks()
            .AddTypeActivatedCheck<RecordsHealthCheck>(RecordsHealthCheck.LiteDbName, HealthStatus.Unhealthy, [StorageServiceCollectionExtensions.ReadyTag], RecordsHealthCheck.LiteDbName)
            .AddTypeActivatedCheck<RecordsHealthCheck>(RecordsHealthCheck.PostgresName, HealthStatus.Unhealthy, [StorageServiceCollectionExtensions.ReadyTag], TimeSpan.FromSeconds(3), RecordsHealthCheck.PostgresName);
        return services;
    }

    /// <summary>
    /// Registers the store <typeparamref name="TStore"/>: <typeparamref name="TPostgres"/> with
    /// <c>Records:Provider=postgres</c>, else <typeparamref name="TLiteDb"/> (one instance either way).
    /// </summary>
    public static IServiceCollection AddRecordStore<TStore, TLiteDb, TPostgres>(this IServiceCollection services)
        where TStore : class
        where TLiteDb : class, TStore
        where TPostgres : class, TStore
    {
        services.AddSingleton<TStore>(sp => sp.GetRequiredService<IOptions<RecordsOptions>>().Value.UsesPostgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TLiteDb>(sp));
        return services;
    }

    /// <summary>
    /// Registers the list of <typeparamref name="T"/> kept in the LiteDB collection or PostgreSQL table
    /// <paramref name="name"/> (<see cref="IRecordList{T}"/>), and how <c>records copy</c> moves it.
    /// </summary>
    public static IServiceCollection AddRecordList<T>(this IServiceCollection services, string name) where T : class, IListedRecord
    {
        services.AddSingleton<IRecordList<T>>(sp => sp.UsesPostgres()
            ? new PostgresRecordList<T>(sp.GetRequiredService<PostgresRecords>(), name)
            : new LiteRecordList<T>(sp.GetRequiredService<LiteDB.ILiteDatabase>(), name));
        services.AddSingleton<IRecordsTableCopy>(PostgresRecordList<T>.Copy(name));
        return services;
    }

    /// <summary>True when the records are on PostgreSQL.</summary>
    public static bool UsesPostgres(this IServiceProvider services) => services.GetRequiredService<IOptions<RecordsOptions>>().Value.UsesPostgres;
}
