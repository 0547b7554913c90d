using System.Net;
using System.Text;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>URL verification and messages in plain, compatible and safe mode, over real HTTP against the real server.</summary>
public sealed class WeChatEndpointModeTests
{
    [Fact]
    public async Task Get_PlainUrlCheck_EchoesOnlyWhenSigned()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var q = s.Requests.Sign(null);
        Assert.Equal("echo123", await s.Client.GetStringAsync($"/api/wechat{q.ToQueryString()}&echostr=echo123"));
        var forged = q with { Signature = new string('0', 40) };
        using var refused = await s.Client.GetAsync($"/api/wechat{forged.ToQueryString()}&echostr=echo123");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_PublicVectorV1_EncryptedEchoStrIsDecryptedAndOtherNonceRefused()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "123456", ["WeChat:AppId"] = "wx49f0ab532d5d035a", ["WeChat:EncodingAESKey"] = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
        });
        var echo = Uri.EscapeDataString("4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==");
        var url = $"/api/wechat?msg_signature=dd6b9c95b495b3f7e2901bfbc76c664930ffdb96&timestamp=1411443780&nonce=437374425&echostr={echo}";
        Assert.Equal("5927782489442352469", await s.Client.GetStringAsync(url));
        using var refused = await s.Client.GetAsync(url.Replace("437374425", "437374424"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Post_PublicVectorV3_IsDecryptedAndAnsweredEncrypted()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1409659813 + 10));
        await using var s = await WeChatTestServer.StartAsync(time: time, overrides: new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "QDG6eK", ["WeChat:AppId"] = "wx5823bf96d3bd56c7", ["WeChat:EncodingAESKey"] = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        });
        const string encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        var body = $"<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        var query = $"?signature={WeChatSignature.Compute("QDG6eK", "1409659813", "1372623149")}&timestamp=1409659813&nonce=1372623149&encrypt_type=aes&msg_signature=477715d11cdb4164915debcba66cb864d751f3e6";
        using var response = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query));
        var reply = new WeChatRequestBuilder("QDG6eK", "wx5823bf96d3bd56c7", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", time).ReadReply(await response.Content.ReadAsStringAsync());
        Assert.Equal("你说：hello", reply["Content"]);
        Assert.Equal("mycreate", reply["ToUserName"]);
        Assert.Equal("wx5823bf96d3bd56c7", reply["FromUserName"]);
        Assert.Equal("mycreate", s.Scripted.Received.Single().From.Id);
    }

    [Theory]
    [InlineData(WeChatMode.Plain)]
    [InlineData(WeChatMode.Compatible)]
    [InlineData(WeChatMode.Safe)]
    public async Task Post_Text_IsAnsweredInTheRequestsMode(WeChatMode mode)
    {
        await using var s = await WeChatTestServer.StartAsync();
        var (status, body) = await s.PostAsync(WeChatRequestBuilder.Text("oUser1", "在吗", 1001), mode);
        Assert.Equal(200, status);
        var raw = WeChatXml.Parse(body);
        Assert.Equal(mode != WeChatMode.Plain, raw.ContainsKey("Encrypt"));
        if (mode != WeChatMode.Plain) Assert.All(new[] { "MsgSignature", "TimeStamp", "Nonce" }, k => Assert.True(raw.ContainsKey(k), k));
        var reply = s.Requests.ReadReply(body);
        Assert.Equal("你说：在吗", reply["Content"]);
        Assert.Equal("oUser1", reply["ToUserName"]);
        Assert.Equal("gh_test", reply["FromUserName"]);
        Assert.Equal("text", reply["MsgType"]);
        var activity = s.Scripted.Received.Single();
        Assert.Equal("oUser1", activity.Conversation.Id);
        Assert.Equal("gh_test", activity.Recipient.Id);
        Assert.Equal("1001", Assert.IsType<Dictionary<string, string>>(activity.ChannelData)["MsgId"]);
    }

    [Fact]
    public async Task Post_CompatibleMode_TrustsTheSignedCiphertextNotThePlainCopy()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var encrypt = s.Requests.Cipher.Encrypt(WeChatRequestBuilder.Text("oUser1", "真的", 1002));
        var signed = s.Requests.Sign(encrypt);
        var body = WeChatXml.Write([new("ToUserName", "gh_test"), new("FromUserName", "oUser1"), new("MsgType", "text"), new("Content", "伪造"), new("Encrypt", encrypt)]);
        using var response = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, signed));
        Assert.Equal("你说：真的", s.Requests.ReadReply(await response.Content.ReadAsStringAsync())["Content"]);
    }

    [Fact]
    public async Task RealBot_AnswersTextEventsAndNonTextMessagesOverHttp()
    {
        await using var s = await WeChatTestServer.StartAsync(scripted: false);
        var now = s.Requests.Now();
        string Payload(string name) => Payloads.Read(name, new Dictionary<string, string> { ["FROM"] = "oRealUser", ["NOW"] = now });

        var hello = s.Requests.ReadReply((await s.PostAsync(WeChatRequestBuilder.Text("oRealUser", "你好", 2001), WeChatMode.Safe)).Body);
        Assert.Contains("团团小助手", hello["Content"]);

        var image = s.Requests.ReadReply((await s.PostAsync(Payload("image.xml"))).Body);
        Assert.Contains("文字", image["Content"]);

        var voice = s.Requests.ReadReply((await s.PostAsync(Payload("voice-no-recognition.xml"))).Body);
        Assert.Equal(WeChatTexts.VoiceWithoutText, voice["Content"]);

        var subscribe = s.Requests.ReadReply((await s.PostAsync(Payload("subscribe.xml"))).Body);
        Assert.Contains("欢迎", subscribe["Content"]);

        Assert.Equal("success", (await s.PostAsync(Payload("location-event.xml"))).Body);
        Assert.Equal("success", (await s.PostAsync(Payload("view.xml"))).Body);
    }

    [Fact]
    public async Task WithoutWeChatSettings_ServerStartsAndCallbackAnswers503()
    {
        await using var server = await AssistantServer.StartAsync();
        using var client = server.CreateClient(cookies: false);
        using var get = await client.GetAsync("/api/wechat?signature=x&timestamp=1&nonce=1&echostr=1");
        using var post = await client.PostAsync("/api/wechat", new StringContent("<xml/>", Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Contains(server.Logs.Lines, m => m.Contains("WeChat:Token"));
    }

    [Theory]
    [InlineData("WeChat:Token", "x!", "WeChat:Token")]
    [InlineData("WeChat:EncodingAESKey", "short", "WeChat:EncodingAESKey")]
    [InlineData("WeChat:ApiBaseUrl", "not a url", "WeChat:ApiBaseUrl")]
    [InlineData("WeChat:ReplyDeadline", "00:00:06", "WeChat:ReplyDeadline")]
    [InlineData("WeChat:AppId", "", "WeChat:AppId")]
    public async Task MalformedSetting_StopsStartWithAMessageNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wx1", [key] = value,
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(new byte[32]), ["Identity:CodeSecret"] = WeChatTestServer.CodeSecret,
        };
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(settings));
        Assert.Contains(named, e.Message);
    }
}
