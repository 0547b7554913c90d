using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>The 48-hour window's allowance, counted in Redis as a deployment with several instances counts it.</summary>
public sealed class WeChatQuotaTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task SendsAtOnce_TakeNoMoreThanTheQuota()
    {
        // A late reply and a staff reply (or a batch of reminders) to one user at the same moment: each send takes
        // one of the window's uses atomically, so together they take exactly what is left (a read and a write
        // apart let two senders take the same last use).
        redis.Require();
        await using var s = await WeChatTestServer.StartAsync(overrides: redis.DeploymentSettings(more: ("WeChat:CustomerServiceQuota", "5")));
        var policy = s.Services.GetRequiredService<WeChatDeliveryPolicy>();
        policy.NoteInbound("oBusy", userMessage: true);
        await Task.Delay(200); // the note is written without waiting
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => policy.TryReserveAsync("oBusy", CancellationToken.None))));
        Assert.Equal(5, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(WeChatApiResult.OverQuota, r!.ErrCode));
    }
}
