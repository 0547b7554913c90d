using System.Diagnostics;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>RELIABILITY row 14 over real HTTP: one user floods the bot while another chats.</summary>
public sealed class WeChatFloodTests
{
    [Fact]
    public async Task HundredMessagesInASecondFromOneUser_MostGetAPoliteRefusal_AndAnotherUserIsAnsweredMeanwhile()
    {
        await using var s = await WeChatTestServer.StartAsync();
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            await Task.Delay(50, ct); // a turn takes a little time, as a real one does
            await turn.SendActivityAsync("你说：" + turn.Activity.AsMessageActivity().Text, cancellationToken: ct);
        };

        var flood = Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            s.PostAsync(WeChatRequestBuilder.Text("oFlood", $"刷屏{i}", 60_000 + i), WeChatMode.Safe)));
        var calm = new List<(string Content, TimeSpan Took)>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oCalm", $"查时长{i}", 70_000 + i), WeChatMode.Safe);
            calm.Add((s.Requests.ReadReply(body)["Content"], clock.Elapsed));
        }
        var flooded = await flood;
        await s.DrainAsync();

        // The other user is answered normally, each within WeChat's 5 s, while the flood is under way.
        Assert.Equal(["你说：查时长0", "你说：查时长1", "你说：查时长2"], calm.Select(c => c.Content));
        Assert.All(calm, c => Assert.True(c.Took < TimeSpan.FromSeconds(5), $"took {c.Took}"));

        // The flood ran a few turns (one burst) and every other message got the polite refusal, never an error.
        Assert.All(flooded, f => Assert.Equal(200, f.Status));
        var floodTurns = s.Scripted.Received.Count(a => a.From.Id == "oFlood");
        Assert.InRange(floodTurns, 1, 11);
        var refused = flooded.Count(f => f.Body != "success" && s.Requests.ReadReply(f.Body)["Content"] == WeChatTexts.TooFast);
        Assert.Equal(100 - floodTurns, refused);
    }

    [Fact]
    public async Task RetryOfARefusedMessage_GetsTheSameRefusalAndRunsNoTurn()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?> { ["WeChat:UserMessagesPerMinute"] = "2" });
        await s.PostAsync(WeChatRequestBuilder.Text("oFast", "一", 80_001));
        var (_, refused) = await s.PostAsync(WeChatRequestBuilder.Text("oFast", "二", 80_002));
        Assert.Equal(WeChatTexts.TooFast, s.Requests.ReadReply(refused)["Content"]);
        var (_, retry) = await s.PostAsync(WeChatRequestBuilder.Text("oFast", "二", 80_002));
        Assert.Equal(WeChatTexts.TooFast, s.Requests.ReadReply(retry)["Content"]);
        Assert.Equal(["一"], s.Scripted.Received.Select(a => a.AsMessageActivity().Text));
    }
}
