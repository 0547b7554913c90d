using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// The per-user flood guard with two instances behind one Redis (real redis-server, real HTTP): the budget of
/// <c>WeChat:UserMessagesPerMinute</c> is the deployment's, not each instance's.
/// </summary>
public sealed class WeChatFloodRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int PerMinute = 5;

    [SkippableFact]
    public async Task MessagesAlternatingBetweenTwoInstances_AreCutAtTheBudgetInAll_AndTheNextMinuteOpensAgain()
    {
        redis.Require();
        var settings = redis.DeploymentSettings(more: ("WeChat:UserMessagesPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Ten seconds into a minute on a clock both instances share: every message below falls in that minute.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 6, 30, 10, TimeSpan.Zero));
        await using var api = await FakeWeChatApi.StartAsync();
        await using var a = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api, time: time);
        await using var b = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api, time: time);
        Assert.NotEqual(a.Server.BaseAddress.Port, b.Server.BaseAddress.Port);

        async Task<string> Send(WeChatTestServer server, string openId, string text, long msgId)
        {
            var (status, body) = await server.PostAsync(WeChatRequestBuilder.Text(openId, text, msgId), WeChatMode.Safe);
            Assert.Equal(200, status);
            return server.Requests.ReadReply(body)["Content"];
        }

        var replies = new List<string>();
        for (var i = 0; i < 2 * PerMinute; i++) replies.Add(await Send(i % 2 == 0 ? a : b, "oFlood", $"刷屏{i}", 95_000 + i));

        // The first five ran, three on A and two on B; the sixth, B's third, is refused although B alone has seen only
        // two: each instance counting for itself would have let it (and four more) through.
        var ran = Enumerable.Range(0, PerMinute).Select(i => $"刷屏{i}").ToList();
        Assert.Equal(ran.Select(t => "你说：" + t), replies.Take(PerMinute));
        Assert.All(replies.Skip(PerMinute), r => Assert.Equal(WeChatTexts.TooFast, r));
        Assert.Equal(ran, a.Scripted.Received.Concat(b.Scripted.Received).Select(m => m.AsMessageActivity().Text).Order(StringComparer.Ordinal));
        Assert.Equal(3, a.Scripted.Turns);
        Assert.Equal(2, b.Scripted.Turns);

        // Another user has a budget of their own, on either instance.
        Assert.Equal("你说：查时长", await Send(b, "oCalm", "查时长", 96_000));

        // The window is the minute on the injected clock: the next one lets the flooding user through again.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("你说：又来了", await Send(b, "oFlood", "又来了", 97_000));
    }

    [SkippableFact]
    public async Task TheSameOpenIdUnderTwoAccounts_HasTwoBudgets()
    {
        redis.Require();
        // The default account and 金华, served by both instances; OpenIDs are per AppId, so the same string under each
        // account is two people with two budgets.
        const string jinhuaToken = "jinhuatoken1", jinhuaAppId = "wxjinhua000000001", jinhuaKey = "JinHuaJinHuaJinHuaJinHuaJinHuaJinHuaJinHuaG";
        var settings = redis.DeploymentSettings(more: [
            ("WeChat:UserMessagesPerMinute", "2"),
            ("WeChat:Accounts:jinhua:Token", jinhuaToken), ("WeChat:Accounts:jinhua:AppId", jinhuaAppId),
            ("WeChat:Accounts:jinhua:AppSecret", "jinhua-secret"), ("WeChat:Accounts:jinhua:EncodingAESKey", jinhuaKey),
            ("WeChat:Accounts:jinhua:Mode", "safe")]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 6, 30, 10, TimeSpan.Zero));
        await using var api = await FakeWeChatApi.StartAsync();
        await using var a = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api, time: time);
        await using var b = await WeChatTestServer.StartAsync(overrides: settings, sharedApi: api, time: time);
        var jinhua = new WeChatRequestBuilder(jinhuaToken, jinhuaAppId, jinhuaKey, time);

        var toDefault = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var server = i % 2 == 0 ? a : b;
            toDefault.Add(server.Requests.ReadReply((await server.PostAsync(WeChatRequestBuilder.Text("oSame", $"一{i}", 98_000 + i), WeChatMode.Safe)).Body)["Content"]);
        }
        Assert.Equal(["你说：一0", "你说：一1", WeChatTexts.TooFast], toDefault);

        var (body, query) = jinhua.Build(WeChatRequestBuilder.Text("oSame", "二", 98_100), WeChatMode.Safe);
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri($"{WeChatEndpoints.Route}/jinhua{query.ToQueryString()}", UriKind.Relative);
        using var response = await b.Client.SendAsync(request);
        Assert.Equal("你说：二", jinhua.ReadReply(await response.Content.ReadAsStringAsync())["Content"]);
    }
}
