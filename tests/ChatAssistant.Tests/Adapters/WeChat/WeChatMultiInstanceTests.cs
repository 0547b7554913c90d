using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>Two server instances behind one Redis (real redis-server): retries deduplicated and the token shared across them.</summary>
public sealed class WeChatMultiInstanceTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableTheory]
    [InlineData(true)]  // a CreateTime near our clock, as WeChat sends it: the message's keys are entries of per-second groups
    [InlineData(false)] // a CreateTime far off: its keys stand alone
    public async Task CopiesSpreadOverTwoInstances_RunOneTurn_AndTheyShareOneToken(bool grouped)
    {
        redis.Require();
        // One set of settings for both: instances sharing Redis share the help-request field key too.
        var settings = redis.DeploymentSettings(more: ("WeChat:ReplyDeadline", "00:00:01"));
        await using var api = await FakeWeChatApi.StartAsync();
        await using var a = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api);
        await using var b = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api);
        foreach (var s in new[] { a, b })
            s.Scripted.OnTurn = async (turn, ct) => { await Task.Delay(1500, ct); await turn.SendActivityAsync("已收到。", cancellationToken: ct); };

        var xml = WeChatRequestBuilder.Text("oShared", "报名", 9001, createTime: grouped ? DateTimeOffset.UtcNow.ToUnixTimeSeconds() : null);
        await Task.WhenAll(a.PostAsync(xml, WeChatMode.Safe), b.PostAsync(xml, WeChatMode.Safe), a.PostAsync(xml, WeChatMode.Safe));
        await b.PostAsync(xml, WeChatMode.Safe);
        Assert.Equal(1, a.Scripted.Turns + b.Scripted.Turns);

        // Late deliveries from both instances (one turn here, plus proactive sends) use one token.
        await Task.WhenAll(a.DrainAsync(), b.DrainAsync());
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? a : b).Services.GetRequiredService<WeChatApi>().SendCustomTextAsync($"o{i}", "提醒", default)));
        Assert.Equal(["已收到。"], api.TextsTo("oShared"));
        Assert.Equal(1, api.TokensIssued);
    }
}
