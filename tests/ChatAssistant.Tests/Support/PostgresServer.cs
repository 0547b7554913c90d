using Npgsql;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// A private PostgreSQL cluster for the test run: <c>initdb</c> into a temp folder (trust authentication, user
/// <c>postgres</c>), <c>pg_ctl start</c> on a free port of 127.0.0.1 with its unix socket in the same folder, stopped
/// when the test process ends. Started once, on first use, and shared; each test class (or test) makes its own
/// database with <see cref="CreateDatabase"/> and drops it when done. The server binaries come from
/// <c>/usr/lib/postgresql/*/bin</c> (the newest); as root they run as the <c>postgres</c> user (initdb refuses root).
/// When they are missing, tests that call <see cref="Require"/> are skipped, or fail under CI=true.
/// </summary>
public sealed class PostgresServer
{
    public const string MissingMessage =
        "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb); install them with `apt-get install postgresql`. " +
        "Under CI=true this is a failure, elsewhere the PostgreSQL tests are skipped.";

    private static readonly Lazy<PostgresServer?> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ChatAssistant.Testing.PostgresCluster _cluster;

    private PostgresServer(ChatAssistant.Testing.PostgresCluster cluster) => _cluster = cluster;

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port => _cluster.Port;

    /// <summary>A connection string to the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The run's cluster: started on first call; skips (or fails under CI=true) when PostgreSQL is not installed.</summary>
    public static PostgresServer Require()
    {
        var server = Shared.Value;
        if (server is not null) return server;
        if (RedisServerBinary.IsCi) throw new InvalidOperationException(MissingMessage);
        Skip.If(true, MissingMessage);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A connection string to <paramref name="database"/> on this cluster (small pools: many tests share it).</summary>
    public string ConnectionStringFor(string database) => _cluster.ConnectionString(database, maxPoolSize: 60);

    /// <summary>A new empty database, dropped when the returned handle is disposed.</summary>
    public static PostgresDatabase CreateDatabase()
    {
        var server = Require();
        var name = "test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new PostgresDatabase(server, name);
    }

    internal void Drop(string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static PostgresServer? Start()
    {
        var cluster = ChatAssistant.Testing.PostgresCluster.TryStart("pg-test-");
        if (cluster is null) return null;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return new PostgresServer(cluster);
    }
}

/// <summary>One test's own database on the shared cluster; dropped on dispose.</summary>
public sealed class PostgresDatabase(PostgresServer server, string name) : IDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = server.ConnectionStringFor(name);

    /// <summary>The settings of a deployment whose records are in this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Records:Provider"] = "postgres",
        ["Records:ConnectionString"] = ConnectionString,
        // Required with shared records: every instance keys the binding codes alike.
        ["Identity:CodeSecret"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // Required with shared records too: every instance reads the fields (transcripts, help requests) the others sealed.
        ["Disputes:EncryptionKey"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
    };

    public void Dispose() => server.Drop(Name);
}

/// <summary>
/// The databases a test class made on the shared cluster (one per test, as xunit makes one instance per test), all
/// dropped on dispose: what a suite's PostgreSQL variant hands its base as the records' settings.
/// </summary>
public sealed class PostgresDatabases : IDisposable
{
    private readonly List<PostgresDatabase> _made = [];

    /// <summary>A new empty database's deployment settings (<see cref="PostgresDatabase.Settings"/>).</summary>
    public Dictionary<string, string?> NewSettings()
    {
        var database = PostgresServer.CreateDatabase();
        _made.Add(database);
        return database.Settings();
    }

    public void Dispose()
    {
        foreach (var database in _made) database.Dispose();
    }
}
