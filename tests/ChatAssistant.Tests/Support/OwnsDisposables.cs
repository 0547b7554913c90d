using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// A test class that owns what it opens (databases, record files, folders) and disposes them in reverse order: the
/// base of the store contract suites, with the records each provider's variant opens.
/// </summary>
public abstract class OwnsDisposables : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private string? _postgres;

    /// <summary>Keeps <paramref name="disposable"/> until the test ends and returns it.</summary>
    protected T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>A new LiteDB records file in a folder of its own.</summary>
    protected LiteDB.ILiteDatabase NewLiteRecords(string name) => Own(RecordsDatabase.Open(Own(new TempDirectory(name)).File("assistant.db")));

    /// <summary>A new PostgreSQL database (migrated), opened as one instance opens it.</summary>
    protected PostgresRecords NewPostgresRecords()
    {
        _postgres = Own(PostgresServer.CreateDatabase()).ConnectionString;
        return SamePostgresRecords();
    }

    /// <summary>The database of <see cref="NewPostgresRecords"/> opened again, as another instance opens it.</summary>
    protected PostgresRecords SamePostgresRecords() =>
        Own(PostgresRecords.Open(_postgres ?? throw new InvalidOperationException("Open the records first."), NullLogger.Instance));

    /// <summary>The connection string of <see cref="NewPostgresRecords"/>'s database.</summary>
    protected string PostgresConnectionString => _postgres ?? throw new InvalidOperationException("Open the records first.");

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        GC.SuppressFinalize(this);
    }
}
