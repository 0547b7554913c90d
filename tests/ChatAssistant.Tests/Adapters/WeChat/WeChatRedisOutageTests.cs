using System.Diagnostics;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// RELIABILITY row 9 over the real webhook with a real redis-server that is stopped: WeChat gets a passive
/// "busy" reply (never a 500, which users see as "该公众号暂时无法提供服务"), no turn runs, and a late reply that
/// cannot be sent is recorded for staff rather than lost.
/// </summary>
public sealed class WeChatRedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private Dictionary<string, string?> Settings(string deadline = "00:00:04")
    {
        redis.Require();
        return redis.DeploymentSettings(more: ("WeChat:ReplyDeadline", deadline));
    }

    [SkippableFact]
    public async Task RedisStopped_WebhookAnswersBusyInTheRequestsMode_AndRunsNoTurn()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Settings());
        var warm = await s.PostAsync(WeChatRequestBuilder.Text("oOutage", "你好", 8101), WeChatMode.Safe);
        Assert.Equal("你说：你好", s.Requests.ReadReply(warm.Body)["Content"]);

        redis.Stop();
        try
        {
            var clock = Stopwatch.StartNew();
            var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oOutage", "预约周三", 8102), WeChatMode.Safe);
            Assert.Equal(200, status);
            Assert.Equal(ChatAssistant.Adapters.ChannelTexts.Busy, s.Requests.ReadReply(body)["Content"]);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5)); // within WeChat's 5 s
            Assert.Equal(1, s.Scripted.Turns);
        }
        finally
        {
            redis.Restart();
        }

        // Service resumes by itself: the same message, sent again by the user, now runs.
        var clockAfter = Stopwatch.StartNew();
        while (true)
        {
            var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oOutage", "预约周三", 8103), WeChatMode.Safe);
            var content = s.Requests.ReadReply(body)["Content"];
            if (content != ChatAssistant.Adapters.ChannelTexts.Busy) { Assert.Equal("你说：预约周三", content); break; }
            Assert.True(clockAfter.Elapsed < TimeSpan.FromSeconds(15), "the webhook did not recover after Redis came back");
            await Task.Delay(200);
        }
    }

    [SkippableFact]
    public async Task RedisStoppedBeforeALateReplyIsSent_TheReplyIsRecordedForStaff()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Settings("00:00:00.5"));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            await release.Task;
            await turn.SendActivityAsync("你的值班已预约：周三下午。", cancellationToken: ct);
        };
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oLate", "预约周三", 8201), WeChatMode.Safe);
        Assert.Equal((200, "success"), (status, body));

        redis.Stop();
        try
        {
            release.SetResult();
            await s.DrainAsync();
            var recorded = s.Undelivered.List().Where(m => m.OpenId == "oLate").ToList();
            Assert.Contains(recorded, m => m.Text.Contains("你的值班已预约：周三下午。", StringComparison.Ordinal)
                && m.ErrCode == WeChatApiResult.StoreUnavailable && m.Reason.Contains("Redis", StringComparison.Ordinal));
            Assert.Empty(s.Api.TextsTo("oLate"));
        }
        finally
        {
            redis.Restart();
        }
    }
}
