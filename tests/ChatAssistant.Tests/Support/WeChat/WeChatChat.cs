namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>
/// One WeChat user talking to the real server over the real endpoint: each message is a signed, encrypted (safe
/// mode) text callback, on a fake clock four seconds after the last; the answer is everything the user got for it — the passive reply, then whatever the turn
/// sent through the (fake) customer-service API — joined by blank lines.
/// </summary>
public sealed class WeChatChat(WeChatTestServer wechat, string openId)
{
    private static long s_msgId = 50_000_000;

    public string OpenId => openId;

    public async Task<string> SayAsync(string text)
    {
        // A person types: on a fake clock, a few seconds pass between messages (the flood guard allows 20 a minute).
        if (wechat.Time is Microsoft.Extensions.Time.Testing.FakeTimeProvider fake) fake.Advance(TimeSpan.FromSeconds(4));
        var before = wechat.Api.TextsTo(openId).Count;
        var createTime = wechat.Time.GetUtcNow().ToUnixTimeSeconds();
        var xml = WeChatRequestBuilder.Text(openId, text, Interlocked.Increment(ref s_msgId), createTime: createTime);
        var (status, body) = await wechat.PostAsync(xml, WeChatMode.Safe);
        Assert.Equal(200, status);
        var passive = body is "success" or "" ? "" : wechat.Requests.ReadReply(body)["Content"];
        await wechat.DrainAsync();
        var late = wechat.Api.TextsTo(openId).Skip(before);
        return string.Join("\n\n", new[] { passive }.Concat(late).Where(t => t.Length > 0));
    }
}
