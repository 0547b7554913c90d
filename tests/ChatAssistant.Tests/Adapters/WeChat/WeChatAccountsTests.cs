using System.Net;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Disputes;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// Several Official Accounts from configuration alone (<c>WeChat:Accounts:{name}:…</c>), each at <c>/api/wechat/{name}</c>,
/// over real HTTP with the real bot: each takes only its own signature, the same OpenID under two accounts is two
/// people, and every call to WeChat's API uses the account's own token.
/// </summary>
public sealed class WeChatAccountsTests
{
    private const string JinhuaToken = "jinhuatoken1";
    private const string JinhuaAppId = "wxjinhua000000001";
    private const string JinhuaKey = "JinHuaJinHuaJinHuaJinHuaJinHuaJinHuaJinHuaG";
    private const string ShengzhouToken = "shengzhoutoken2";
    private const string ShengzhouAppId = "wxshengzhou000002";
    private const string ShengzhouKey = "ShengZhouShengZhouShengZhouShengZhouShengZG";

    private static Dictionary<string, string?> Accounts() => new()
    {
        ["WeChat:Accounts:jinhua:Token"] = JinhuaToken,
        ["WeChat:Accounts:jinhua:AppId"] = JinhuaAppId,
        ["WeChat:Accounts:jinhua:AppSecret"] = "jinhua-secret",
        ["WeChat:Accounts:jinhua:EncodingAESKey"] = JinhuaKey,
        ["WeChat:Accounts:jinhua:Mode"] = "safe",
        ["WeChat:Accounts:shengzhou:Token"] = ShengzhouToken,
        ["WeChat:Accounts:shengzhou:AppId"] = ShengzhouAppId,
        ["WeChat:Accounts:shengzhou:AppSecret"] = "shengzhou-secret",
        ["WeChat:Accounts:shengzhou:EncodingAESKey"] = ShengzhouKey,
        ["WeChat:Accounts:shengzhou:Mode"] = "safe",
        ["WeChat:UserMessagesPerMinute"] = "0",
    };

    private static async Task<(HttpStatusCode Status, string Reply)> SayAsync(WeChatTestServer s, string account, WeChatRequestBuilder signer, string openId, string text, long msgId)
    {
        var (body, query) = signer.Build(WeChatRequestBuilder.Text(openId, text, msgId), WeChatMode.Safe);
        using var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri($"{WeChatEndpoints.Route}/{account}{query.ToQueryString()}", UriKind.Relative);
        using var response = await s.Client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode && raw.Length > 0 && raw != "success" ? signer.ReadReply(raw)["Content"] : raw);
    }

    [Fact]
    public async Task Two_configured_accounts_take_only_their_own_signatures_and_the_same_OpenID_under_each_is_two_people()
    {
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts());
        var jinhua = new WeChatRequestBuilder(JinhuaToken, JinhuaAppId, JinhuaKey, s.Time);
        var shengzhou = new WeChatRequestBuilder(ShengzhouToken, ShengzhouAppId, ShengzhouKey, s.Time);

        // A message signed with 金华's token and key, posted to 嵊州's URL: refused, nothing runs.
        var (forged, _) = await SayAsync(s, "shengzhou", jinhua, "oSameOpenId", "求助", 1);
        Assert.Equal(HttpStatusCode.Forbidden, forged);

        // The same OpenID string starts a help request under 金华 …
        var (status, started) = await SayAsync(s, "jinhua", jinhua, "oSameOpenId", "求助", 2);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(DisputeTexts.Intro, started);
        // … and its 「是」 under 嵊州 is a stranger's first message: no consent given to 金华's request there.
        var (_, elsewhere) = await SayAsync(s, "shengzhou", shengzhou, "oSameOpenId", "是", 3);
        Assert.DoesNotContain(DisputeTexts.AskAge, elsewhere);
        // 金华's flow is untouched and goes on under 金华.
        var (_, goesOn) = await SayAsync(s, "jinhua", jinhua, "oSameOpenId", "是", 4);
        Assert.Contains(DisputeTexts.AskAge, goesOn);
    }

    [Fact]
    public async Task Customer_service_sends_and_menu_publishing_use_each_accounts_own_token()
    {
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Accounts());
        var messenger = s.Server.Get<IUserMessenger>();

        Assert.True((await messenger.SendAsync(new OutboundMessage(WeChatAccount.ChannelIdOf(JinhuaAppId), "oJinhuaUser", "金华的回复"))).Delivered);
        Assert.True((await messenger.SendAsync(new OutboundMessage(WeChatAccount.ChannelIdOf(ShengzhouAppId), "oShengzhouUser", "嵊州的回复"))).Delivered);
        Assert.True((await messenger.SendAsync(new OutboundMessage(WeChatAdapter.ChannelId, "oDefaultUser", "省里的回复"))).Delivered);

        var sends = s.Api.Calls.Where(c => c.Path.EndsWith("custom/send", StringComparison.Ordinal)).ToList();
        Assert.Equal(JinhuaAppId, s.Api.AppIdOfToken(sends.Single(c => c.ToUser == "oJinhuaUser").AccessToken));
        Assert.Equal(ShengzhouAppId, s.Api.AppIdOfToken(sends.Single(c => c.ToUser == "oShengzhouUser").AccessToken));
        Assert.Equal(WeChatTestServer.AppId, s.Api.AppIdOfToken(sends.Single(c => c.ToUser == "oDefaultUser").AccessToken));

        // `wechat menu publish --account shengzhou` with the server's settings: 嵊州's token, never another's.
        var settings = new Dictionary<string, string?>(Accounts())
        {
            ["WeChat:Token"] = WeChatTestServer.Token, ["WeChat:AppId"] = WeChatTestServer.AppId, ["WeChat:AppSecret"] = "secret",
            ["WeChat:ApiBaseUrl"] = s.Api.BaseAddress.ToString(),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var menu = Path.Combine(AppContext.BaseDirectory, "wechat-menu.json");
        Assert.Equal(0, await WeChatCommands.PublishAsync(new FileInfo(menu), configuration, output, error, default, account: "shengzhou"));
        var published = s.Api.Calls.Single(c => c.Path.EndsWith("menu/create", StringComparison.Ordinal));
        Assert.Equal(ShengzhouAppId, s.Api.AppIdOfToken(published.AccessToken));
        Assert.Equal(1, await WeChatCommands.PublishAsync(new FileInfo(menu), configuration, output, error, default, account: "nosuch"));
        Assert.Contains("nosuch", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WeChat:Accounts:shengzhou:Token", "x", "WeChat:Accounts:shengzhou:Token")]
    [InlineData("WeChat:Accounts:shengzhou:AppId", JinhuaAppId, "WeChat:Accounts:shengzhou:AppId")]
    [InlineData("WeChat:Accounts:shengzhou:Mode", "secret-mode", "WeChat:Accounts:shengzhou:Mode")]
    [InlineData("WeChat:Accounts:Bad_Name:Token", "badnametoken", "WeChat:Accounts:Bad_Name")]
    public async Task A_bad_account_setting_stops_the_start_naming_it(string setting, string value, string named)
    {
        var settings = Accounts();
        settings[setting] = value;
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => WeChatTestServer.StartAsync(scripted: false, overrides: settings));
        Assert.Contains(refused.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }
}
