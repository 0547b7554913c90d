using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Booking;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// Studios belong to the account that serves their county, over real HTTP: a delegate writing to an Official Account
/// that names its counties (嵊州: 嵊州市) is offered that account's studios only; an account without counties (金华 here)
/// offers every active studio.
/// </summary>
public sealed class StudiosPerAccountTests
{
    private const string JinhuaToken = "jinhuatoken1", JinhuaAppId = "wxjinhua000000001";
    private const string ShengzhouToken = "shengzhoutoken2", ShengzhouAppId = "wxshengzhou000002";

    private static async Task<string> SayAsync(WeChatTestServer s, string account, WeChatRequestBuilder signer, string openId, string text, long msgId)
    {
        var (body, query) = signer.Build(WeChatRequestBuilder.Text(openId, text, msgId), WeChatMode.Plain);
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri($"{WeChatEndpoints.Route}/{account}{query.ToQueryString()}", UriKind.Relative);
        using var response = await s.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return raw.Length > 0 && raw != "success" ? signer.ReadReply(raw)["Content"] : raw;
    }

    [Fact]
    public async Task An_account_with_its_own_counties_offers_its_own_studios_and_one_without_offers_them_all()
    {
        var settings = BookingTestData.NoDemo();
        settings["WeChat:Accounts:jinhua:Token"] = JinhuaToken;
        settings["WeChat:Accounts:jinhua:AppId"] = JinhuaAppId;
        settings["WeChat:Accounts:shengzhou:Token"] = ShengzhouToken;
        settings["WeChat:Accounts:shengzhou:AppId"] = ShengzhouAppId;
        settings["WeChat:Accounts:shengzhou:Counties:0"] = "嵊州市";
        settings["WeChat:UserMessagesPerMinute"] = "0";
        // Friday 2026-12-04 10:00 Beijing.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BookingTestData.At(12, 4, 10));
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: time);
        var studios = s.Server.Get<IStudioStore>();
        BookingTestData.Studio(studios, county: "天台县", name: "天台工作室");
        BookingTestData.Studio(studios, county: "嵊州市", name: "嵊州工作室");
        BookingTestData.Bind(s.Server.Get<IdentityService>(), ("D1", "张三", "oDelegateAtBoth"));
        var jinhua = new WeChatRequestBuilder(JinhuaToken, JinhuaAppId, null, s.Time);
        var shengzhou = new WeChatRequestBuilder(ShengzhouToken, ShengzhouAppId, null, s.Time);
        await SayAsync(s, "shengzhou", shengzhou, "oDelegateAtBoth", "你好", 1);
        await SayAsync(s, "jinhua", jinhua, "oDelegateAtBoth", "你好", 2);

        var atShengzhou = await SayAsync(s, "shengzhou", shengzhou, "oDelegateAtBoth", "预约值班", 3);
        Assert.StartsWith(BookingTexts.ChooseHeading, atShengzhou);
        Assert.Contains("嵊州工作室", atShengzhou);
        Assert.DoesNotContain("天台工作室", atShengzhou);
        // A time asked for reads the same studios only.
        var saturday = await SayAsync(s, "shengzhou", shengzhou, "oDelegateAtBoth", "12月5日上午", 4);
        Assert.Contains("嵊州工作室", saturday);
        Assert.DoesNotContain("天台工作室", saturday);

        var atJinhua = await SayAsync(s, "jinhua", jinhua, "oDelegateAtBoth", "预约值班", 5);
        Assert.Contains("嵊州工作室", atJinhua);
        Assert.Contains("天台工作室", atJinhua);
    }
}
