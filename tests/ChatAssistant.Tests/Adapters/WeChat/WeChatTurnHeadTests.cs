using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// A message's turn sends its lock attempt and state read with the message's replay and dedupe claim (one round
/// trip to Redis instead of two), and a message that turns out to be a retry or a replay lets go of the lock that
/// attempt took. Watched with Redis's own MONITOR on a real redis-server.
/// </summary>
public sealed class WeChatTurnHeadTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task TheTurnsFirstCommandsGoOutWithTheClaim_AndARetryOrReplayLeavesNoLockBehind()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        await using var s = await WeChatTestServer.StartAsync(overrides: redis.DeploymentSettings(prefix));
        Assert.Equal(200, (await s.PostAsync(WeChatRequestBuilder.Text("oWarm", "你好", 1))).Status); // scripts loaded
        await s.DrainAsync();
        using var connection = redis.Connect();
        var db = connection.GetDatabase();
        var lockKey = prefix + "lock:turn:wechat:oHead";

        using var monitor = await RedisMonitor.StartAsync(redis.Port);
        var xml = WeChatRequestBuilder.Text("oHead", "你好", 2);
        var (body, first) = s.Requests.Build(xml, WeChatMode.Plain, nonce: "head1");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, first))) Assert.True(r.IsSuccessStatusCode);
        await s.DrainAsync();
        Assert.Equal(2, s.Scripted.Turns);

        var lines = await monitor.UntilAsync(l => Count(l, lockKey, "\"EVAL\"") == 1);
        var attempt = lines.FindIndex(l => l.Contains($"\"SET\" \"{lockKey}\"", StringComparison.Ordinal) && l.Contains("\"NX\"", StringComparison.Ordinal));
        var read = lines.FindIndex(l => l.Contains("\"EVAL", StringComparison.Ordinal) && l.Contains(prefix + "state:wechat/conversations/oHead", StringComparison.Ordinal));
        var claim = lines.FindIndex(l => l.Contains("\"EVAL", StringComparison.Ordinal) && l.Contains(prefix + "kv:wechat:replay:", StringComparison.Ordinal));
        Assert.True(attempt >= 0 && read > attempt && claim > read, string.Join('\n', lines)); // sent before the claim's answer was waited for
        Assert.Equal(1, lines.Count(l => l.Contains("kv:wechat:replay:", StringComparison.Ordinal) && !l.Contains("[0 lua]", StringComparison.Ordinal)));

        // WeChat's retry of the message, signed anew: no second turn, and the lock its attempt won is let go.
        var (_, retry) = s.Requests.Build(xml, WeChatMode.Plain, nonce: "head2");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, retry))) Assert.True(r.IsSuccessStatusCode);
        // The captured query replayed with another body: refused, and its attempt's lock let go as well.
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oHead", "别的", 3), retry)))
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, r.StatusCode);
        await s.DrainAsync();
        Assert.Equal(2, s.Scripted.Turns);

        lines = await monitor.UntilAsync(l => Count(l, lockKey, "\"EVAL\"") == 3);
        Assert.Equal(3, Count(lines, lockKey, "\"SET\"")); // each try took the lock ahead of its claim...
        Assert.Equal(3, Count(lines, lockKey, "\"DEL\"")); // ...and each released it: the two refused ones on being refused
        Assert.False(await db.KeyExistsAsync(lockKey));

        // The next message of the same user is not held up by a lock left behind (its TTL is 15 s).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(200, (await s.PostAsync(WeChatRequestBuilder.Text("oHead", "再问一次", 4))).Status);
        Assert.Equal(3, s.Scripted.Turns);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited {clock.Elapsed}");
    }

    // Lines of one command (e.g. "\"SET\"") that name the key.
    private static int Count(List<string> lines, string key, string command) =>
        lines.Count(l => l.Contains(command + " ", StringComparison.Ordinal) && l.Contains($"\"{key}\"", StringComparison.Ordinal));

    /// <summary>
    /// Redis's MONITOR on a raw connection (StackExchange.Redis does not offer it): every command the server runs,
    /// in the order it ran them, including the commands inside scripts.
    /// </summary>
    private sealed class RedisMonitor : IDisposable
    {
        private readonly TcpClient _client;
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly Task _reading;

        private RedisMonitor(TcpClient client)
        {
            _client = client;
            var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            _reading = Task.Run(async () =>
            {
                try
                {
                    while (await reader.ReadLineAsync() is { } line) _lines.Enqueue(line);
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
            });
        }

        public static async Task<RedisMonitor> StartAsync(int port)
        {
            var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            await client.GetStream().WriteAsync("MONITOR\r\n"u8.ToArray());
            var monitor = new RedisMonitor(client);
            await monitor.UntilAsync(lines => lines.Contains("+OK"));
            return monitor;
        }

        /// <summary>The lines so far, once <paramref name="done"/> holds for them (at most 10 s).</summary>
        public async Task<List<string>> UntilAsync(Func<List<string>, bool> done)
        {
            for (var i = 0; i < 500; i++)
            {
                var lines = _lines.ToList();
                if (done(lines)) return lines;
                await Task.Delay(20);
            }
            return _lines.ToList();
        }

        public void Dispose()
        {
            _client.Dispose();
            _reading.Wait(TimeSpan.FromSeconds(2));
        }
    }
}
