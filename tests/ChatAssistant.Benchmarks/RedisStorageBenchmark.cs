using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using ChatAssistant.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// One read-modify-write of a conversation's state through <see cref="RedisStorage"/> (what Bot.Builder's
/// autosave does every turn: read, change, write back with the ETag check) against a real redis-server that
/// the benchmark starts on 127.0.0.1 without persistence.
/// </summary>
[MemoryDiagnoser]
public class RedisStorageBenchmark
{
    private const string Key = "wechat/conversations/oBenchUser0001";
    private Process? _redis;
    private string _dir = "";
    private ConnectionMultiplexer _connection = null!;
    private RedisStorage _storage = null!;
    private int _turn;

    [GlobalSetup]
    public void Setup()
    {
        var port = FreePort();
        _dir = Directory.CreateTempSubdirectory("bench-redis-").FullName;
        _redis = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", _dir, "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        for (var i = 0; _connection is null; i++)
        {
            try { _connection = ConnectionMultiplexer.Connect($"127.0.0.1:{port},abortConnect=true,connectTimeout=1000"); }
            catch (RedisConnectionException) when (i < 50) { Thread.Sleep(100); }
        }
        _storage = new RedisStorage(_connection, Options.Create(new RedisOptions { Configuration = $"127.0.0.1:{port}" }));
        _storage.WriteAsync(new Dictionary<string, object> { [Key] = State(0) }).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task ReadModifyWrite()
    {
        var read = await _storage.ReadAsync([Key]);
        if (!read.ContainsKey(Key)) throw new InvalidOperationException("state lost");
        await _storage.WriteAsync(new Dictionary<string, object> { [Key] = State(++_turn) });
    }

    // The shape Bot.Builder autosaves: a property bag with the conversation data (a flow frame with slots).
    private static Dictionary<string, object> State(int turn) => new()
    {
        ["ConversationData"] = new Dictionary<string, object>
        {
            ["Turns"] = turn,
            ["NotUnderstood"] = 0,
            ["Flows"] = new List<Dictionary<string, string>> { new() { ["FlowId"] = "booking.book", ["Step"] = "1", ["mode"] = "next", ["utterance"] = "预约值班" } },
        },
    };

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        if (_redis is { HasExited: false }) _redis.Kill();
        _redis?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
