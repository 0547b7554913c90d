using System.Globalization;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// With Redis, the keys each WeChat message leaves for minutes (replay, dedupe, reply) are entries of one hash per
/// second, not keys of their own: the count of Redis keys follows the users and the seconds, not the messages
/// (docs/PERFORMANCE.md, step 33). Retries and replays are still caught.
/// </summary>
public sealed class WeChatKeyGroupsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task ManyMessages_LeaveAHandfulOfKeys_AndRetriesAndReplaysAreStillCaught()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        await using var s = await WeChatTestServer.StartAsync(overrides: redis.DeploymentSettings(prefix));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        const int Messages = 60;
        string Xml(int i) => WeChatRequestBuilder.Text($"oGroup{i % 20}", "你好", 5000 + i, createTime: now);
        for (var i = 0; i < Messages; i++)
        {
            var (body, query) = s.Requests.Build(Xml(i), WeChatMode.Plain, timestamp: timestamp, nonce: $"g{i}");
            using var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query));
            Assert.True(r.IsSuccessStatusCode);
        }
        await s.DrainAsync();
        Assert.Equal(Messages, s.Scripted.Turns);

        // A retry of message 7 signed anew, and its first query replayed with another body.
        var (body7, retry) = s.Requests.Build(Xml(7), WeChatMode.Plain, timestamp: timestamp, nonce: "g7-retry");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body7, retry))) Assert.True(r.IsSuccessStatusCode);
        var (_, first7) = s.Requests.Build(Xml(7), WeChatMode.Plain, timestamp: timestamp, nonce: "g7");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(Xml(999), first7)))
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, r.StatusCode);
        await s.DrainAsync();
        Assert.Equal(Messages, s.Scripted.Turns);

        using var connection = redis.Connect();
        var server = connection.GetServer(redis.ConnectionString);
        var cacheKeys = server.Keys(pattern: prefix + "kv:*").Select(k => ((string)k!)[(prefix.Length + 3)..]).ToList();
        // One group per kind for the one second, and per user of the 20 their 48-hour window and their flood-guard
        // minute: 3 + 2 × 20, not 3 × 60.
        Assert.Equal(
            new[] { "wechat:dedupe:" + timestamp, "wechat:replay:" + timestamp, "wechat:reply:" + timestamp },
            cacheKeys.Where(k => !k.StartsWith("wechat:window:", StringComparison.Ordinal) && !k.StartsWith("wechat:flood:", StringComparison.Ordinal)).Order().ToArray());
        Assert.Equal(20, cacheKeys.Count(k => k.StartsWith("wechat:window:msg:", StringComparison.Ordinal)));
        Assert.InRange(cacheKeys.Count(k => k.StartsWith("wechat:flood:", StringComparison.Ordinal)), 20, 40); // 40 if the minute turned meanwhile
        var db = connection.GetDatabase();
        Assert.Equal(Messages + 1, await db.HashLengthAsync(prefix + "kv:wechat:replay:" + timestamp)); // the retry's query too
        Assert.Equal(Messages, await db.HashLengthAsync(prefix + "kv:wechat:dedupe:" + timestamp));
    }
}
