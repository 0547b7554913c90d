using System.Diagnostics;
using System.Text;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>Retries, deadlines and long turns over real HTTP: one turn per message, everything delivered in order.</summary>
public sealed class WeChatDeliveryTests
{
    private static async Task<IReadOnlyList<string>> ReadAllAsync(WeChatTestServer s, string openId, string passiveBody)
    {
        await s.DrainAsync();
        var texts = new List<string>();
        if (passiveBody != "success") texts.Add(s.Requests.ReadReply(passiveBody)["Content"]);
        texts.AddRange(s.Api.TextsTo(openId));
        return texts;
    }

    [Fact]
    public async Task ThreeParallelCopies_RunOneTurn()
    {
        await using var s = await WeChatTestServer.StartAsync();
        s.Scripted.OnTurn = async (turn, ct) => { await Task.Delay(300, ct); await turn.SendActivityAsync("预约成功", cancellationToken: ct); };
        // WeChat's retries come with fresh query strings; the message (FromUserName + MsgId) is the same.
        var copies = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var (b, query) = s.Requests.Build(WeChatRequestBuilder.Text("oUser", "预约", 501), WeChatMode.Safe);
            using var r = await s.Client.SendAsync(WeChatRequestBuilder.Post(b, query));
            return ((int)r.StatusCode, await r.Content.ReadAsStringAsync());
        }));
        Assert.All(copies, c => Assert.Equal(200, c.Item1));
        Assert.Equal(1, s.Scripted.Turns);
        Assert.Contains(copies, c => c.Item2 != "success" && s.Requests.ReadReply(c.Item2)["Content"] == "预约成功");
        await s.DrainAsync();
        Assert.Empty(s.Api.TextsTo("oUser"));
    }

    [Fact]
    public async Task ThreeSequentialCopies_RunOneTurnAndRetriesCarryTheSameReply()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
            replies.Add(s.Requests.ReadReply((await s.PostAsync(WeChatRequestBuilder.Text("oUser", "查时长", 502), WeChatMode.Plain)).Body)["Content"]);
        Assert.Equal(1, s.Scripted.Turns);
        Assert.All(replies, r => Assert.Equal("你说：查时长", r));
    }

    [Fact]
    public async Task EventRetries_RunOneTurn_AndSameMsgIdFromAnotherUser_IsItsOwnMessage()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var click = Payloads.Read("click.xml", new Dictionary<string, string> { ["FROM"] = "oClicker", ["NOW"] = s.Requests.Now() });
        for (var i = 0; i < 3; i++) await s.PostAsync(click);
        Assert.Equal(1, s.Scripted.Received.Count(a => a.Type == ActivityTypes.Event));
        var menu = s.Scripted.Received.Single().AsEventActivity();
        Assert.Equal((ChatAssistant.Adapters.ChannelEvents.MenuClick, "BOOKING"), (menu.Name, menu.Value as string));

        await s.PostAsync(WeChatRequestBuilder.Text("oA", "一", 777));
        await s.PostAsync(WeChatRequestBuilder.Text("oB", "二", 777));
        Assert.Equal(3, s.Scripted.Turns);
    }

    [Fact]
    public async Task TurnSlowerThanTheDeadline_IsAnsweredSuccessThenDeliveredThroughTheApi()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: OneSecondDeadline);
        var turnEnded = false;
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            await Task.Delay(4000, ct);
            turnEnded = true;
            await turn.SendActivityAsync("查到了：你本年度志愿时长 12 小时。", cancellationToken: ct);
        };
        var clock = Stopwatch.StartNew();
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oSlow", "我的时长", 503), WeChatMode.Safe);
        Assert.Equal((200, "success"), (status, body));
        Assert.True(clock.ElapsedMilliseconds >= 900, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.False(turnEnded, "the answer waited for the turn");

        // WeChat's retry while the turn is still running: no second turn, and still "success".
        var retry = await s.PostAsync(WeChatRequestBuilder.Text("oSlow", "我的时长", 503), WeChatMode.Safe);
        Assert.Equal("success", retry.Body);

        await s.DrainAsync();
        Assert.Equal(["查到了：你本年度志愿时长 12 小时。"], s.Api.TextsTo("oSlow"));
        Assert.Equal(1, s.Scripted.Turns);
    }

    private static readonly Dictionary<string, string?> OneSecondDeadline = new() { ["WeChat:ReplyDeadline"] = "00:00:01" };

    [Fact]
    public async Task FourMessageTurn_ArrivesCompleteAndInOrder()
    {
        await using var s = await WeChatTestServer.StartAsync();
        string[] said = ["第一条：你好。", "第二条：请选择时段。", "第三条：周三下午。", "第四条：回复“取消”可退出。"];
        s.Scripted.OnTurn = async (turn, ct) => { foreach (var text in said) await turn.SendActivityAsync(text, cancellationToken: ct); };
        var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oFour", "预约", 504), WeChatMode.Safe);
        var received = await ReadAllAsync(s, "oFour", body);
        Assert.Equal(string.Join("\n\n", said), string.Join("\n\n", received));
        Assert.Single(received); // short messages are merged into the one passive reply
    }

    [Fact]
    public async Task FourLongMessages_PassiveFirstThenTheRestInOrder()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var said = Enumerable.Range(1, 4).Select(i => $"第{i}段：" + string.Concat(Enumerable.Repeat("志愿服务记录规则说明。", 60))).ToArray();
        s.Scripted.OnTurn = async (turn, ct) => { foreach (var text in said) await turn.SendActivityAsync(text, cancellationToken: ct); };
        var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oLong", "规则", 505), WeChatMode.Plain);
        var received = await ReadAllAsync(s, "oLong", body);
        Assert.Equal(said, received);
        Assert.All(received, r => Assert.True(Encoding.UTF8.GetByteCount(r) <= 2048));
    }

    private static string LongAnswer(int characters)
    {
        var text = new StringBuilder();
        for (var i = 1; text.Length < characters; i++) text.Append($"第{i}条：志愿者每次服务结束后请在志愿汇中记录时长，工作人员会在三日内审核。");
        return text.ToString(0, characters - 1) + "。";
    }

    [Fact]
    public async Task FiveThousandCharacterAnswer_ArrivesWholeSplitAtSentenceEnds()
    {
        // 5,000 Chinese characters are ~15 KB: 1 passive reply + 7 customer-service messages, more than the
        // 5 WeChat allows after one user message, so this account is set to allow 10 (see the next test for 5).
        await using var s = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?> { ["WeChat:CustomerServiceQuota"] = "10" });
        var answer = LongAnswer(5000);
        s.Scripted.OnTurn = (turn, ct) => turn.SendActivityAsync(answer, cancellationToken: ct);
        var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oReader", "全部规则", 506), WeChatMode.Safe);
        var received = await ReadAllAsync(s, "oReader", body);
        Assert.Equal(answer, string.Concat(received));
        Assert.True(received.Count > 1);
        Assert.All(received, r => Assert.True(Encoding.UTF8.GetByteCount(r) <= 2048));
        Assert.All(received, r => Assert.EndsWith("。", r));
        Assert.Empty(s.Undelivered.List());
    }

    [Fact]
    public async Task AnswerBeyondTheQuota_IsRecordedForStaffNotDropped()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var answer = LongAnswer(5000);
        s.Scripted.OnTurn = (turn, ct) => turn.SendActivityAsync(answer, cancellationToken: ct);
        var (_, body) = await s.PostAsync(WeChatRequestBuilder.Text("oQuota", "全部规则", 507), WeChatMode.Plain);
        var received = await ReadAllAsync(s, "oQuota", body);
        Assert.Equal(6, received.Count); // the passive reply + WeChat's 5
        var kept = s.Undelivered.List();
        Assert.NotEmpty(kept);
        Assert.All(kept, k => Assert.Equal((WeChatApiResult.OverQuota, "oQuota"), (k.ErrCode, k.OpenId)));
        Assert.Equal(answer, string.Concat(received) + string.Concat(kept.OrderBy(k => k.At).ThenBy(k => answer.IndexOf(k.Text, StringComparison.Ordinal)).Select(k => k.Text)));
    }

    [Fact]
    public async Task OutsideTheWindow_FailureIsRecordedWithTheReason()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: OneSecondDeadline);
        s.Api.FailFor("oGone", WeChatApiResult.OutOfWindow);
        s.Scripted.OnTurn = async (turn, ct) => { await Task.Delay(2500, ct); await turn.SendActivityAsync("您的预约已确认。", cancellationToken: ct); };
        Assert.Equal("success", (await s.PostAsync(WeChatRequestBuilder.Text("oGone", "确认", 508))).Body);
        await s.DrainAsync();
        var kept = Assert.Single(s.Undelivered.List());
        Assert.Equal((45015, "您的预约已确认。"), (kept.ErrCode, kept.Text));
        Assert.Contains("48", kept.Reason);
    }

    [Fact]
    public async Task Unsubscribe_RunsTheTurnButSendsNothing()
    {
        await using var s = await WeChatTestServer.StartAsync();
        s.Scripted.OnTurn = (turn, ct) => turn.SendActivityAsync("再见", cancellationToken: ct);
        var (_, body) = await s.PostAsync(Payloads.Read("unsubscribe.xml", new Dictionary<string, string> { ["FROM"] = "oLeft", ["NOW"] = s.Requests.Now() }));
        await s.DrainAsync();
        Assert.Equal("success", body);
        Assert.Equal(1, s.Scripted.Turns);
        Assert.Empty(s.Api.Calls);
    }
}
