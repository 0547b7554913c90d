using System.Net;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// RELIABILITY row 17 over real HTTP: <c>WeChat:Mode</c> is what the account is set to on WeChat's side, and a
/// request in a form that account does not send is refused, whatever the request says. A safe account takes only
/// encrypted messages (with a valid <c>msg_signature</c>); compatible takes both; plain takes plain. The URL check
/// works in every mode.
/// </summary>
public sealed class WeChatAccountModeTests
{
    private static Dictionary<string, string?> Mode(string? mode, bool key = true) => new()
    {
        ["WeChat:Mode"] = mode,
        ["WeChat:EncodingAESKey"] = key ? WeChatTestServer.AesKey : null,
    };

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WeChatTestServer s, string body, WeChatSignedQuery query)
    {
        using var response = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Every record and session in the LiteDB file (sessions are stored under hashed keys), one string per document.
    private static List<string> Records(WeChatTestServer s)
    {
        var db = s.Services.GetRequiredService<ILiteDatabase>();
        return db.GetCollectionNames().Order(StringComparer.Ordinal)
            .SelectMany(name => db.GetCollection(name).FindAll().Select(d => $"{name}: {d}")).ToList();
    }

    [Theory]
    [InlineData(null)]   // the default when an EncodingAESKey is set
    [InlineData("safe")]
    [InlineData("SAFE")]
    public async Task SafeAccount_PlainMessage_IsRefused_NothingRunsNothingIsKept_AndTheLogHasNoUserData(string? mode)
    {
        const string openId = "oDowngraded7c1";
        const string text = "我家住在幸福路88号";
        await using var s = await WeChatTestServer.StartAsync(scripted: false, overrides: Mode(mode));
        var before = Records(s);

        // Signed exactly as a plain-mode WeChat request: the query signature holds, but it does not cover the body.
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text(openId, text, 8001), WeChatMode.Plain);
        Assert.Equal((403, ""), (status, body));
        // The same with msg_signature but without encrypt_type=aes, and with encrypt_type=aes but a plain body.
        var (cipherBody, signed) = s.Requests.Build(WeChatRequestBuilder.Text(openId, text, 8002), WeChatMode.Compatible);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, cipherBody, signed with { Encrypted = false })).Status);
        var plainQuery = s.Requests.Sign(null);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, WeChatRequestBuilder.Text(openId, text, 8003), plainQuery with { Encrypted = true })).Status);

        await s.DrainAsync();
        Assert.Empty(s.Api.Calls);
        var cache = s.Services.GetRequiredService<IKeyValueCache>();
        Assert.Null(await cache.GetAsync(WeChatKeys.MessageWindow(openId)));
        Assert.Equal(before, Records(s)); // no session, no record: nothing was written

        Assert.Contains(s.Server.Logs.Lines, l => l.Contains("refused with 403: mode: a message without encrypt_type=aes to a safe account (WeChat:Mode)", StringComparison.Ordinal));
        Assert.DoesNotContain(openId, s.Server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(text, s.Server.Logs.All, StringComparison.Ordinal);

        // The same account answers an encrypted message, encrypted.
        var (okStatus, reply) = await s.PostAsync(WeChatRequestBuilder.Text("oServed", "你好", 8004), WeChatMode.Safe);
        Assert.Equal(200, okStatus);
        Assert.True(WeChatXml.Parse(reply).ContainsKey("Encrypt"));
        Assert.Contains("团团小助手", s.Requests.ReadReply(reply)["Content"]);
        Assert.NotEqual(before, Records(s)); // the probe above does see a turn's session
    }

    [Fact]
    public async Task SafeAccount_TakesWeChatsCompatibleFormToo_TrustingOnlyTheCiphertext()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Mode("safe"));
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oBoth", "在吗", 8101), WeChatMode.Compatible);
        Assert.Equal(200, status);
        Assert.Equal("你说：在吗", s.Requests.ReadReply(body)["Content"]);
        Assert.True(WeChatXml.Parse(body).ContainsKey("Encrypt"));
    }

    [Theory]
    [InlineData(WeChatMode.Plain)]
    [InlineData(WeChatMode.Compatible)]
    [InlineData(WeChatMode.Safe)]
    public async Task CompatibleAccount_AcceptsEveryForm_AndAnswersInTheRequestsForm(WeChatMode form)
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Mode("compatible"));
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oCompat", "在吗", 8201), form);
        Assert.Equal(200, status);
        Assert.Equal(form != WeChatMode.Plain, WeChatXml.Parse(body).ContainsKey("Encrypt"));
        Assert.Equal("你说：在吗", s.Requests.ReadReply(body)["Content"]);
        Assert.Equal(1, s.Scripted.Turns);
    }

    [Fact]
    public async Task PlainAccount_WithAKeySet_TakesPlainOnly_AndSaysAtStartThatTheKeyIsUnused()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Mode("plain"));
        Assert.Contains(s.Server.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("WeChat:Mode", StringComparison.Ordinal) && l.Contains("WeChat:EncodingAESKey", StringComparison.Ordinal));

        Assert.Equal(200, (await s.PostAsync(WeChatRequestBuilder.Text("oPlain", "在吗", 8301), WeChatMode.Plain)).Status);
        // A plain account's WeChat never encrypts: an encrypted request is not what it sends.
        Assert.Equal(403, (await s.PostAsync(WeChatRequestBuilder.Text("oPlain", "在吗", 8302), WeChatMode.Safe)).Status);
        Assert.Equal(403, (await s.PostAsync(WeChatRequestBuilder.Text("oPlain", "在吗", 8303), WeChatMode.Compatible)).Status);
        Assert.Equal(1, s.Scripted.Turns);
    }

    [Fact]
    public async Task NoKeyNoMode_IsAPlainAccount()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Mode(null, key: false));
        Assert.Equal(200, (await s.PostAsync(WeChatRequestBuilder.Text("oPlain", "在吗", 8401), WeChatMode.Plain)).Status);
        Assert.Contains(s.Server.Logs.Lines, l => l.Contains("WeChat:Mode", StringComparison.Ordinal) && l.Contains("plain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("compatible")]
    [InlineData("safe")]
    public async Task UrlCheck_WorksInEveryMode(string mode)
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: Mode(mode));
        var q = s.Requests.Sign(null);
        Assert.Equal("echo42", await s.Client.GetStringAsync($"/api/wechat{q.ToQueryString()}&echostr=echo42"));
    }

    [Theory]
    [InlineData("safe", false, "WeChat:EncodingAESKey")]
    [InlineData("compatible", false, "WeChat:EncodingAESKey")]
    [InlineData("secure", true, "WeChat:Mode")]
    [InlineData("aes", true, "WeChat:Mode")]
    [InlineData("2", true, "WeChat:Mode")]
    public async Task AModeThatCannotWork_StopsTheStartNamingTheSetting(string mode, bool key, string named)
    {
        var settings = new Dictionary<string, string?> { ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wx1", ["WeChat:Mode"] = mode };
        if (key) settings["WeChat:EncodingAESKey"] = WeChatTestServer.AesKey;
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(settings));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains("WeChat:Mode", e.Message, StringComparison.Ordinal);
    }
}
