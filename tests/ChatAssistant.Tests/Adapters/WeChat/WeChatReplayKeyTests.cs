using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// The replay key of a signed query lives as long as that query can pass the timestamp check (±5 minutes around
/// its timestamp) and no longer: a replay inside the window is still caught, and the store does not keep every
/// message's key for two windows.
/// </summary>
public sealed class WeChatReplayKeyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]    // a fresh message: the key lives one window (300 s), not two
    [InlineData(200)]  // signed 200 s ago: 100 s of the window left
    [InlineData(-120)] // signed 120 s ahead of our clock: 420 s left
    public async Task TheKeyLivesUntilTheTimestampLeavesTheWindow(int signedSecondsAgo)
    {
        var time = new FakeTimeProvider(Start);
        await using var s = await WeChatTestServer.StartAsync(time: time);
        var timestamp = Start.AddSeconds(-signedSecondsAgo).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (body, query) = s.Requests.Build(WeChatRequestBuilder.Text("oReplay", "你好", 31), WeChatMode.Plain, timestamp: timestamp);
        var key = WeChatKeys.Replay(query.Timestamp, query.Signature!);
        var cache = s.Services.GetRequiredService<IKeyValueCache>();

        using (var first = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query)))
            Assert.True(first.IsSuccessStatusCode);
        await s.DrainAsync();
        Assert.NotNull(await cache.GetGroupedAsync(key));

        // The last second the query still passes the timestamp check: the key is there, so the captured query
        // with another body is refused. (The same body would be a WeChat retry, answered from the reply cache.)
        var windowLeft = 300 - signedSecondsAgo;
        time.Advance(TimeSpan.FromSeconds(windowLeft));
        Assert.NotNull(await cache.GetGroupedAsync(key));
        using (var forged = await s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oReplay", "别的", 32), query)))
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(1, s.Scripted.Turns);

        // Just past the window the timestamp check refuses the query by itself, and the key is gone.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await cache.GetGroupedAsync(key));
        using (var late = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query)))
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Equal(1, s.Scripted.Turns);
    }

    [Fact]
    public async Task TheDedupeKeyOutlivesEveryTryOfTheMessageAndNoMore()
    {
        var time = new FakeTimeProvider(Start);
        await using var s = await WeChatTestServer.StartAsync(time: time);
        var cache = s.Services.GetRequiredService<IKeyValueCache>();
        var xml = WeChatRequestBuilder.Text("oRetry", "你好", 41, createTime: Start.ToUnixTimeSeconds());
        var dedupe = WeChatKeys.Dedupe("oRetry:msg:41", WeChatKeys.MessageSecond(Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Start));
        Assert.NotNull(dedupe.Group);
        string Stamp(int seconds) => Start.AddSeconds(seconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        // WeChat's first try, and its retry 10 s later signed anew: one turn.
        var (body, first) = s.Requests.Build(xml, WeChatMode.Plain, timestamp: Stamp(0), nonce: "n1");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, first))) Assert.True(r.IsSuccessStatusCode);
        await s.DrainAsync();
        time.Advance(TimeSpan.FromSeconds(10));
        var (_, retry) = s.Requests.Build(xml, WeChatMode.Plain, timestamp: Stamp(10), nonce: "n2");
        using (var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, retry))) Assert.True(r.IsSuccessStatusCode);
        await s.DrainAsync();
        Assert.Equal(1, s.Scripted.Turns);

        // A second before the retry's captured query stops passing the timestamp check: replayed with its own body it
        // passes the replay check (it could be WeChat's), and the dedupe key, still there, stops a second turn.
        // (The reply cache has expired by then, so the adapter waits out its reply deadline and says "success":
        // the fake clock is moved on while it waits.)
        time.Advance(TimeSpan.FromSeconds(299));
        Assert.NotNull(await cache.GetGroupedAsync(dedupe));
        var replayed = s.Client.SendAsync(WeChatRequestBuilder.Post(body, retry));
        while (!replayed.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }
        using (var r = await replayed) Assert.True(r.IsSuccessStatusCode);
        await s.DrainAsync();
        Assert.Equal(1, s.Scripted.Turns);

        // The first try's lifetime (301 s) plus WeChat's retry spread (60 s): then the key is gone, not at 10 minutes.
        time.Advance(Start.AddSeconds(360) - time.GetUtcNow());
        Assert.NotNull(await cache.GetGroupedAsync(dedupe));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await cache.GetGroupedAsync(dedupe));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-7200, true)]   // twice the longest timestamp window: every try that can pass the checks groups alike
    [InlineData(7200, true)]
    [InlineData(7201, false)]   // a clock two hours off, or a constant: the keys stand alone, no group grows without end
    [InlineData(-7201, false)]
    public void AMessagesKeysAreGroupedByItsCreateTime_OnlyNearOurClock(int offsetSeconds, bool grouped)
    {
        var createTime = (Start.ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var second = WeChatKeys.MessageSecond(createTime, Start);
        Assert.Equal(grouped, second is not null);
        var dedupe = WeChatKeys.Dedupe("o:msg:1", second);
        var reply = WeChatKeys.Reply("o:msg:1", second);
        Assert.Equal(grouped ? "wechat:dedupe:" + createTime : null, dedupe.Group);
        Assert.Equal(grouped ? "wechat:reply:" + createTime : null, reply.Group);
        Assert.StartsWith("wechat:dedupe:", dedupe.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("o:msg:1", dedupe.Flat, StringComparison.Ordinal); // hashed, never the OpenID in clear
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public void ACreateTimeThatIsNotAUnixTime_GroupsNothing(string createTime) =>
        Assert.Null(WeChatKeys.MessageSecond(createTime, Start));

    [Fact]
    public void ReplayKeysOfOneSignedSecond_ShareAGroupNamedByTheNumber()
    {
        var a = WeChatKeys.Replay("1764223200", "sig1");
        var b = WeChatKeys.Replay("01764223200", "sig2"); // the same second written with a leading zero
        Assert.Equal("wechat:replay:1764223200", a.Group);
        Assert.Equal(a.Group, b.Group);
        Assert.NotEqual(a.Key, b.Key); // two signatures, two signed texts, two entries
    }
}
