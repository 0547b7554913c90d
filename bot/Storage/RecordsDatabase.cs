using ChatAssistant.Hosting;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Storage;

/// <summary>Opens the one LiteDB file of the process (records: bookings, ledger, tickets, staff, audit).</summary>
public static class RecordsDatabase
{
    /// <summary>
    /// Opens (creating the folder if needed) the database file at <paramref name="path"/>, as its only owner.
    /// Throws <see cref="RecordsDatabaseInUseException"/> when another process (a running server) has it.
    /// </summary>
    public static LiteDatabase Open(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordsDatabaseUnavailableException(
                $"Setting 'Storage:DataDirectory': the folder {folder} cannot be created ({e.Message}). Give a folder this account can write.", e);
        }
        // Direct mode does not stop a second process from opening the file (checked: the CLI imported a roster
        // while the server ran), and two processes writing it each with their own cache can corrupt it; the
        // server also keeps some records in memory until it writes them itself (CachedUntilWrite). So the
        // owner holds an exclusive lock on a file beside it for as long as the database is open.
        var owner = ClaimOwnership(path);
        try
        {
            // Own BsonMapper, not BsonMapper.Global: LiteDB 5.0.21 races when threads first map a type at once
            // ("Member X not found on BsonMapper", litedb-org/LiteDB#2536), and the global one is shared by every database.
            return new OwnedDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, WarmedMapper(), owner);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            owner.Dispose();
            // LiteDB reads the file's header here; a damaged or foreign file fails with whatever it tripped on
            // (an ArgumentOutOfRangeException about ticks, say), which tells an operator nothing.
            throw new RecordsDatabaseUnavailableException(e is IOException or UnauthorizedAccessException
                ? $"The records file {path} cannot be opened ({e.Message}). Check Storage:DataDirectory and the file's permissions."
                : $"The records file {path} is damaged or is not a LiteDB file ({e.Message}). Restore it from a backup, or move it away to start with an empty one.", e);
        }
    }

    // Someone holds the lock: a sharing violation on Windows, EWOULDBLOCK from flock on Linux (11) and macOS (35).
    // Anything else (permissions, a read-only disk) keeps its own error.
    private static bool HeldByAnother(IOException e) =>
        e.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021) or 11 or 35;

    private static FileStream ClaimOwnership(string path)
    {
        var lockPath = path + ".owner";
        try
        {
            // FileShare.None is an exclusive lock (flock on Linux and macOS, a share mode on Windows), released by
            // the operating system when the process ends, even on a crash. Limits: .NET skips it when
            // DOTNET_SYSTEM_IO_DISABLEFILELOCKING is set, and on a network file system it may not hold.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (HeldByAnother(e))
        {
            throw new RecordsDatabaseInUseException(path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordsDatabaseUnavailableException(
                $"Setting 'Storage:DataDirectory': cannot write {lockPath} ({e.Message}). Give a folder this account can write.", e);
        }
    }

    /// <summary>The database and the lock that makes this process its owner, released together.</summary>
    private sealed class OwnedDatabase(ConnectionString connection, BsonMapper mapper, FileStream owner) : LiteDatabase(connection, mapper)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) owner.Dispose();
        }
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
        foreach (var type in records) Warm(mapper, type);
        return mapper;
    }

    /// <summary>
    /// Maps <paramref name="type"/> now, on this thread, unless it is already mapped (then it costs one serialization of
    /// an empty record): what a store that serializes records itself calls when it is built, so that its first two
    /// callers never race on a half-built mapping whatever mapper the database was opened with.
    /// </summary>
    public static void Warm(BsonMapper mapper, Type type)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        if (type.GetConstructor(Type.EmptyTypes) is null) return;
        try { mapper.ToDocument(type, Activator.CreateInstance(type)); }
        catch (Exception e) when (e is not OutOfMemoryException) { /* not a record type: nothing to warm */ }
    }

    /// <summary>Registers the singleton <see cref="ILiteDatabase"/> and its periodic checkpoint.</summary>
    public static IServiceCollection AddRecordsDatabase(this IServiceCollection services)
    {
        services.AddSingleton<ILiteDatabase>(sp => Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        services.AddHostedService<CheckpointService>();
        return services;
    }
}
