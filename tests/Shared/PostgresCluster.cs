using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatAssistant.Testing;

/// <summary>
/// A private PostgreSQL cluster: <c>initdb</c> into a temp folder (trust authentication, user <c>postgres</c>),
/// <c>pg_ctl start</c> on a free port of 127.0.0.1 with its unix socket in the same folder, tuned for throw-away data
/// (no fsync). The server binaries come from <c>/usr/lib/postgresql/*/bin</c> (the newest); as root they run as the
/// <c>postgres</c> user (initdb refuses root). Stopped on <see cref="Dispose"/>, and by a watcher when the owning
/// process ends without it (a cancelled run), so no server is left running. Shared by the tests' fixture and the load
/// generator (linked into both projects).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _bin;
    private readonly string? _runAs;
    private int _stopped;

    private PostgresCluster(string bin, string directory, int port, string? runAs)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
        _runAs = runAs;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The cluster's folder (data, socket, log).</summary>
    public string Directory { get; }

    /// <summary>Whether the server binaries are installed.</summary>
    public static bool Installed => FindBin() is not null;

    /// <summary>A connection string (Npgsql's keywords) to <paramref name="database"/> as <c>postgres</c>.</summary>
    public string ConnectionString(string database, int maxPoolSize) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size={maxPoolSize};Timeout=30;Command Timeout=60");

    /// <summary>Starts a cluster allowing <paramref name="maxConnections"/> connections; null when PostgreSQL is not installed.</summary>
    public static PostgresCluster? TryStart(string prefix, int maxConnections = 400)
    {
        var bin = FindBin();
        if (bin is null) return null;
        var runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
        var directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        var data = Path.Combine(directory, "data");
        if (runAs is not null) Run("chown", ["-R", runAs, directory]);
        RunAs(runAs, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        var port = FreePort();
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB");
        RunAs(runAs, Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]);
        var cluster = new PostgresCluster(bin, directory, port, runAs);
        cluster.WatchOwner();
        return cluster;
    }

    /// <summary>The postmaster's process id (for CPU readings), or null.</summary>
    public int? ProcessId
    {
        get
        {
            try { return int.Parse(File.ReadLines(Path.Combine(Directory, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture); }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return null; }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            RunAs(_runAs, Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(Directory, "data"), "-m", "immediate", "-w", "stop"]);
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException) { /* the temp folder is harmless */ }
    }

    private void WatchOwner()
    {
        var stop = _runAs is null
            ? $"'{_bin}/pg_ctl' -D '{Directory}/data' -m immediate -w stop"
            : $"runuser -u {_runAs} -- '{_bin}/pg_ctl' -D '{Directory}/data' -m immediate -w stop";
        var script = string.Create(CultureInfo.InvariantCulture,
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{Directory}'");
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script }) start.ArgumentList.Add(argument);
        Process.Start(start)?.Dispose();
    }

    private static string? FindBin() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
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
