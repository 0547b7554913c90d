using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// The callback's shape serves a second account in the same process: registered under its name
/// (<c>AddWeChatAccountApi</c> + <c>AddWeChatIntake</c>) and mapped at its own route, it checks its own signature and
/// key, runs its turns under its own channel id, dedupes its own retries and delivers through its own API, while the
/// default account goes on as before.
/// </summary>
public sealed class WeChatSecondAccountTests
{
    private const string Name = "city";
    private const string Route = "/api/wechat/city";
    private const string Channel = "wechat-city";
    private const string Token = "citytoken42";
    private const string AppId = "wxcity0123456789a";
    private const string AesKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";

    [Fact]
    public async Task ASecondAccount_TakesOnlyItsOwnMessages_RunsItsOwnTurns_AndDeliversThroughItsOwnApi()
    {
        await using var cityApi = await FakeWeChatApi.StartAsync();
        await using var s = await WeChatTestServer.StartAsync(services: services =>
        {
            services.AddWeChatAccountApi(Name, _ => new WeChatAccount(Name, Channel, new WeChatOptions
            {
                Token = Token, AppId = AppId, AppSecret = "citysecret", EncodingAESKey = AesKey, Mode = "safe",
                ApiBaseUrl = cityApi.BaseAddress.ToString(),
            }));
            services.AddWeChatIntake(Name);
        }, endpoints: app => app.MapWeChat(Route, Name));
        var city = new WeChatRequestBuilder(Token, AppId, AesKey, s.Time);

        // The city's user, in the city's safe mode: answered with the city's key, under the city's channel.
        var (body, query) = city.Build(WeChatRequestBuilder.Text("oCityUser", "你好", 1), WeChatMode.Safe);
        var (status, reply) = await PostAsync(s, Route, body, query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("你说：你好", city.ReadReply(reply)["Content"]);
        Assert.Equal(Channel, s.Scripted.Received[^1].ChannelId);

        // WeChat's retry of it, signed anew: the city's dedupe takes it, no second turn.
        var (retryBody, retry) = city.Build(WeChatRequestBuilder.Text("oCityUser", "你好", 1), WeChatMode.Safe);
        var (retryStatus, retryReply) = await PostAsync(s, Route, retryBody, retry);
        Assert.Equal(HttpStatusCode.OK, retryStatus);
        Assert.Equal("你说：你好", city.ReadReply(retryReply)["Content"]); // the first try's answer
        Assert.Equal(1, s.Scripted.Turns);

        // Each account's signature is its own: neither route takes the other's request.
        var (cityBody, cityQuery) = city.Build(WeChatRequestBuilder.Text("oCityUser", "串门", 2), WeChatMode.Safe);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(s, WeChatRequestBuilder.Path, cityBody, cityQuery)).Status);
        var (ownBody, ownQuery) = s.Requests.Build(WeChatRequestBuilder.Text("oProvinceUser", "串门", 3), WeChatMode.Safe);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(s, Route, ownBody, ownQuery)).Status);
        Assert.Equal(1, s.Scripted.Turns);

        // The default account is untouched.
        var (okStatus, okReply) = await s.PostAsync(WeChatRequestBuilder.Text("oProvinceUser", "在吗", 4), WeChatMode.Safe);
        Assert.Equal(200, okStatus);
        Assert.Equal("你说：在吗", s.Requests.ReadReply(okReply)["Content"]);
        Assert.Equal(WeChatAdapter.ChannelId, s.Scripted.Received[^1].ChannelId);

        // A long answer: the rest goes through the city's own API, none of it through the default account's.
        var part = new string('城', 600);
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            foreach (var i in new[] { "一", "二", "三" }) await turn.SendActivityAsync(i + part, cancellationToken: ct);
        };
        var (longBody, longQuery) = city.Build(WeChatRequestBuilder.Text("oCityUser", "讲长一点", 5), WeChatMode.Safe);
        var (longStatus, longReply) = await PostAsync(s, Route, longBody, longQuery);
        Assert.Equal(HttpStatusCode.OK, longStatus);
        Assert.StartsWith("一", city.ReadReply(longReply)["Content"], StringComparison.Ordinal);
        await s.DrainAsync();
        Assert.Equal(["二" + part, "三" + part], cityApi.TextsTo("oCityUser"));
        Assert.Empty(s.Api.TextsTo("oCityUser"));

        // The URL check answers the city's signature on the city's route.
        var check = city.Sign(null);
        Assert.Equal("echo7", await s.Client.GetStringAsync($"{Route}{check.ToQueryString()}&echostr=echo7"));
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(WeChatTestServer s, string route, string body, WeChatSignedQuery query)
    {
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri(route + query.ToQueryString(), UriKind.Relative);
        using var response = await s.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
