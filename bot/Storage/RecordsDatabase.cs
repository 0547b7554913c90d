using ChatAssistant.Hosting;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Storage;

/// <summary>Opens the one LiteDB file of the process (records: bookings, ledger, tickets, staff, audit).</summary>
public static class RecordsDatabase
{
    /// <summary>Opens (creating the folder if needed) the database file at <paramref name="path"/>.</summary>
    public static LiteDatabase Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Direct: one process owns the file; the singleton serialises access inside it.
        // Own BsonMapper, not BsonMapper.Global: LiteDB 5.0.21 races when threads first map a type at once
        // ("Member X not found on BsonMapper", litedb-org/LiteDB#2536), and the global one is shared by every database.
        return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, WarmedMapper());
    }

    /// <summary>
    /// A mapper with every record type of the assistant already mapped, on one thread. LiteDB publishes a
    /// type's mapper before filling in its members, so two threads mapping a type for the first time at once
    /// can fail ("Member X not found on BsonMapper"); mapping everything up front removes that window.
    /// </summary>
    private static BsonMapper WarmedMapper()
    {
        var mapper = new BsonMapper();
        var records = typeof(RecordsDatabase).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsPublic: true }
            && t.GetConstructor(Type.EmptyTypes) is not null
            && t.GetProperties().Any(p => p.CanWrite));
        foreach (var type in records)
        {
            try { mapper.ToDocument(type, Activator.CreateInstance(type)); }
            catch (Exception e) when (e is not OutOfMemoryException) { /* not a record type: nothing to warm */ }
        }
        return mapper;
    }

    /// <summary>Registers the singleton <see cref="ILiteDatabase"/> and its periodic checkpoint.</summary>
    public static IServiceCollection AddRecordsDatabase(this IServiceCollection services)
    {
        services.AddSingleton<ILiteDatabase>(sp => Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.AddHostedService<CheckpointService>();
        return services;
    }
}

/// <summary>Folds LiteDB's log into the data file now and then, so a crash replays little.</summary>
internal sealed class CheckpointService(ILiteDatabase db, IOptions<StorageOptions> options, TimeProvider time, ILogger<CheckpointService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { db.Checkpoint(); }
                catch (Exception e) when (e is LiteException or IOException) { log.LogError(e, "LiteDB checkpoint failed"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
