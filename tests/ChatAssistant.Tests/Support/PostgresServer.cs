using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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

    private readonly string _bin;
    private readonly string _directory;
    private readonly string? _runAs;

    private PostgresServer(string bin, string directory, int port, string? runAs)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        _runAs = runAs;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

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
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 60,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

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
        var bin = FindBin();
        if (bin is null) return null;
        var runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
        var directory = Directory.CreateTempSubdirectory("pg-test-").FullName;
        var data = Path.Combine(directory, "data");
        if (runAs is not null) Run("chown", ["-R", runAs, directory]);
        RunAs(runAs, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB");
        RunAs(runAs, Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]);
        var server = new PostgresServer(bin, directory, port, runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        server.WatchOwner();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunAs(_runAs, Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException) { /* the temp folder is harmless */ }
    }

    // A test process killed outright (a cancelled run) runs no exit handler: a watcher stops the cluster and removes its
    // folder once this process is gone, so no server is left running.
    private void WatchOwner()
    {
        var stop = _runAs is null
            ? $"'{_bin}/pg_ctl' -D '{_directory}/data' -m immediate -w stop"
            : $"runuser -u {_runAs} -- '{_bin}/pg_ctl' -D '{_directory}/data' -m immediate -w stop";
        var script = string.Create(CultureInfo.InvariantCulture,
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{_directory}'");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script }) start.ArgumentList.Add(argument);
        Process.Start(start)?.Dispose();
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static void RunAs(string? user, string program, string[] arguments) =>
        Run(user is null ? program : "runuser", user is null ? arguments : ["-u", user, "--", program, .. arguments]);

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(); throw new InvalidOperationException($"{program} did not finish in 2 minutes"); }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
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
