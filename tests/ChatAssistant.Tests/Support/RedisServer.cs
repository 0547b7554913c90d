using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using ChatAssistant.Storage;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// A real redis-server for tests: its own free port on 127.0.0.1, its own temp directory, no persistence
/// unless asked. Use it as <c>IClassFixture&lt;RedisServer&gt;</c> (a server per test class: needed when a
/// test calls <see cref="Stop"/>/<see cref="Restart"/>) or join <see cref="RedisServerCollection"/> to share one.
/// When the binary is missing, tests that call <see cref="Require"/> are skipped (they must be
/// [SkippableFact]/[SkippableTheory] from Xunit.SkippableFact, as xunit 2 has no dynamic skip); under CI=true
/// they fail instead, because CI must run them.
/// </summary>
public class RedisServer : IDisposable
{
    private readonly bool _persistent;
    private readonly string? _directory;
    private Process? _process;

    public RedisServer() : this(persistent: false)
    {
    }

    /// <param name="persistent">Append-only file with fsync on every write, so data survives <see cref="Stop"/> + <see cref="Restart"/>.</param>
    protected RedisServer(bool persistent)
    {
        _persistent = persistent;
        Binary = RedisServerBinary.Find();
        if (Binary is null)
        {
            if (RedisServerBinary.IsCi) throw new InvalidOperationException(RedisServerBinary.MissingMessage);
            return;
        }
        _directory = Directory.CreateTempSubdirectory("redis-test-").FullName;
        Port = FreePort();
        Start();
    }

    /// <summary>Path of redis-server, or null when it is not installed.</summary>
    public string? Binary { get; }

    /// <summary>True when a server was found and started.</summary>
    public bool IsAvailable => Binary is not null;

    /// <summary>The TCP port; stays the same across <see cref="Restart"/>.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// A multiplexer with the bot's own options (<see cref="RedisConnection.Options"/>) that is connected when
    /// returned. The bot's 2 s connect timeout is for production; on a loaded test machine the first handshake
    /// can take longer, and a command sent before it completes fails at once instead of waiting. Commands time out
    /// after <paramref name="commandTimeoutMs"/>: 5 s by default, as a test process running many tests on two cores
    /// can leave a reply unread for over the production 1 s (a flaky "timeout" in a test about something else);
    /// tests of how a stalled Redis is reported pass <see cref="RedisConnection.CommandTimeoutMs"/>.
    /// </summary>
    public ConnectionMultiplexer Connect(int commandTimeoutMs = 5000)
    {
        Require();
        var connection = ConnectionMultiplexer.Connect(RedisConnection.Options(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{ConnectionString},connectTimeout=10000,syncTimeout={commandTimeoutMs},asyncTimeout={commandTimeoutMs}")));
        var deadline = Stopwatch.StartNew();
        while (!connection.IsConnected && deadline.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
        if (!connection.IsConnected)
        {
            connection.Dispose();
            throw new InvalidOperationException($"could not connect to the test redis-server on port {Port} within 20 s");
        }
        return connection;
    }

    /// <summary>A key prefix no other test uses, so tests sharing a server do not see each other's keys.</summary>
    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}:";

    /// <summary>
    /// The settings of a deployment on this Redis: its connection, a key prefix of its own (<paramref name="prefix"/>
    /// or a fresh one) and the field key that Redis makes required (instances sharing Redis must share it), plus
    /// <paramref name="more"/>.
    /// </summary>
    public Dictionary<string, string?> DeploymentSettings(string? prefix = null, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = ConnectionString,
            ["Redis:KeyPrefix"] = prefix ?? UniquePrefix(),
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>Call first in every test that needs the server: skips (or fails under CI=true) when it is absent.</summary>
    public void Require()
    {
        if (IsAvailable) return;
        if (RedisServerBinary.IsCi) throw new InvalidOperationException(RedisServerBinary.MissingMessage);
        Skip.If(true, RedisServerBinary.MissingMessage);
    }

    /// <summary>Kills the server at once (like a crash); clients see the connection drop.</summary>
    public void Stop()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit(10_000);
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open but nothing answers, like a stalled Redis.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public void Resume() => Signal(SigCont);

    /// <summary>Starts the server again on the same port (stopping it first if it runs).</summary>
    public void Restart()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        if (_directory is not null)
        {
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* a leftover temp directory is harmless */ }
        }
        GC.SuppressFinalize(this);
    }

    private void Start()
    {
        var start = new ProcessStartInfo(Binary!) { UseShellExecute = false, WorkingDirectory = _directory! };
        foreach (var argument in Arguments()) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (process.HasExited) break;
            if (Pings()) return;
            Thread.Sleep(20);
        }
        Stop();
        throw new InvalidOperationException($"redis-server on port {Port} did not answer PING. Log:\n{LogTail()}");
    }

    private IEnumerable<string> Arguments()
    {
        string[] common = ["--port", Port.ToString(), "--bind", "127.0.0.1", "--dir", _directory!,
            "--logfile", Path.Combine(_directory!, "redis.log"), "--daemonize", "no", "--save", ""];
        return _persistent
            ? [.. common, "--appendonly", "yes", "--appendfsync", "always"]
            : [.. common, "--appendonly", "no"];
    }

    private bool Pings()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[64];
            var read = stream.Read(buffer);
            // "-LOADING" while an append-only file is replayed: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private string LogTail()
    {
        var log = Path.Combine(_directory!, "redis.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
    }

    private const int SigCont = 18;
    private const int SigStop = 19;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void Signal(int signal)
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running");
        if (kill(process.Id, signal) != 0) throw new InvalidOperationException($"kill({signal}) failed: errno {Marshal.GetLastWin32Error()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A redis-server whose data survives <see cref="RedisServer.Stop"/> and <see cref="RedisServer.Restart"/>.</summary>
public sealed class PersistentRedisServer() : RedisServer(persistent: true);

/// <summary>Test classes in this collection share one <see cref="RedisServer"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RedisServerCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis-server";
}
