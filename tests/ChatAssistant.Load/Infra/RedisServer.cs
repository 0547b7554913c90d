using System.Diagnostics;
using System.Net.Sockets;

namespace ChatAssistant.Load.Infra;

/// <summary>A throw-away redis-server on 127.0.0.1 in a temp directory, without persistence; killed on dispose.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private RedisServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(CancellationToken ct)
    {
        var port = FreePort.Next();
        var dir = Directory.CreateTempSubdirectory("load-redis-").FullName;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        _ = process.StandardOutput.ReadToEndAsync(ct);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, ct);
                return new RedisServer(process, dir, port);
            }
            catch (SocketException) { await Task.Delay(100, ct); }
        }
        process.Kill();
        throw new InvalidOperationException("redis-server did not listen within 10 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
