using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeCom.Fake;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.Support.WeChat;
using ChatAssistant.Tests.Support.WeCom;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>
/// The WeCom app's callback <c>/api/wecom</c>, through the WeChat family's intake: the URL check of a public WeCom
/// vector (wechatpy's WeCom test, PROTOCOL.md V1: CorpID as receive id, encrypted <c>echostr</c>) is decrypted and
/// echoed; forged, stale and replayed callbacks are refused as the Official Account's are; a member's message is answered
/// encrypted; the app's token comes from <c>gettoken</c> with the CorpID and the app's Secret.
/// </summary>
public sealed class WeComCallbackTests
{
    // PROTOCOL.md V1 (wechatpy tests/test_crypto.py, the WeCom variant).
    private const string V1Token = "123456";
    private const string V1Key = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string V1CorpId = "wx49f0ab532d5d035a";
    private const string V1Signature = "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96";
    private const long V1Timestamp = 1411443780;
    private const string V1EchoStr = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";

    private static Task<WeChatTestServer> StartAsync(FakeTimeProvider time, FakeWeComApi? api = null) => WeChatTestServer.StartAsync(scripted: false, time: time, overrides: new Dictionary<string, string?>
    {
        ["Booking:SeedDemoStudio"] = "false",
        ["WeCom:CorpId"] = V1CorpId, ["WeCom:AgentId"] = "1000002", ["WeCom:Secret"] = "wecom-secret",
        ["WeCom:Token"] = V1Token, ["WeCom:EncodingAESKey"] = V1Key,
        ["WeCom:ApiBaseUrl"] = (api?.BaseAddress ?? new Uri("http://127.0.0.1:9/")).ToString(),
    });

    private static string V1Url(string nonce = "437374425") =>
        $"/api/wecom?msg_signature={V1Signature}&timestamp={V1Timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(V1EchoStr)}";

    [Fact]
    public async Task The_URL_check_of_the_public_WeCom_vector_is_decrypted_and_echoed_and_a_changed_one_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(V1Timestamp + 10));
        await using var s = await StartAsync(time);
        Assert.Equal("5927782489442352469", await s.Client.GetStringAsync(V1Url()));
        // WeCom asks again when the administrator saves again: the same check still passes.
        Assert.Equal("5927782489442352469", await s.Client.GetStringAsync(V1Url()));
        using var otherNonce = await s.Client.GetAsync(V1Url("437374424"));
        Assert.Equal(HttpStatusCode.Forbidden, otherNonce.StatusCode);
        // The Official Account's plain form (signature, no msg_signature) is not WeCom's.
        using var plain = await s.Client.GetAsync($"/api/wecom?signature={WeChatSignature.Compute(V1Token, V1Timestamp.ToString(), "437374425")}&timestamp={V1Timestamp}&nonce=437374425&echostr=hello");
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
    }

    [Fact]
    public async Task A_URL_check_read_later_from_a_log_is_refused_as_stale()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(V1Timestamp + 10));
        await using var s = await StartAsync(time);
        time.Advance(TimeSpan.FromMinutes(10));
        using var stale = await s.Client.GetAsync(V1Url());
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    [Fact]
    public async Task Forged_stale_and_replayed_messages_are_refused_and_a_members_message_is_answered_encrypted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var api = await FakeWeComApi.StartAsync();
        await using var s = await StartAsync(time, api);
        var wecom = new WeComCallbacks(s.Client, V1Token, V1CorpId, V1Key, time);

        // A member nobody linked gets told how to link, in an encrypted passive reply.
        var (status, reply) = await wecom.SendAsync(wecom.Text("stranger", "你好"));
        Assert.Equal(200, status);
        Assert.Equal(StaffPhoneTexts.NotLinked, reply);

        // Forged: a wrong msg_signature, a body encrypted for another corp, an unsigned request.
        var (body, query) = wecom.Sign(wecom.Text("stranger", "伪造"));
        Assert.Equal(403, (await wecom.PostAsync(body, query.Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal))).Status);
        var other = new WeComCallbacks(s.Client, V1Token, "wwOtherCorp", V1Key, time);
        var (otherBody, otherQuery) = other.Sign(other.Text("stranger", "别的企业"));
        Assert.Equal(403, (await wecom.PostAsync(otherBody, otherQuery)).Status);
        Assert.Equal(403, (await wecom.PostAsync(body, $"?timestamp={time.GetUtcNow().ToUnixTimeSeconds()}&nonce=123")).Status);

        // Stale: signed ten minutes ago.
        var old = (time.GetUtcNow() - TimeSpan.FromMinutes(10)).ToUnixTimeSeconds().ToString();
        var (staleBody, staleQuery) = wecom.Sign(wecom.Text("stranger", "旧消息"), timestamp: old);
        Assert.Equal(403, (await wecom.PostAsync(staleBody, staleQuery)).Status);

        // Replayed: the signed query of a message that went through, with another body.
        var (firstBody, firstQuery) = wecom.Sign(wecom.Text("stranger", "第一条"));
        Assert.Equal(200, (await wecom.PostAsync(firstBody, firstQuery)).Status);
        Assert.Equal(403, (await wecom.PostAsync(body, firstQuery)).Status);
    }

    [Fact]
    public async Task The_apps_token_comes_from_gettoken_with_the_corp_id_and_secret_and_is_shared()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var api = await FakeWeComApi.StartAsync();
        await using var s = await StartAsync(time, api);
        var cards = s.Server.Get<PhoneCards>();
        var sends = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => cards.SendTextAsync("member" + i, "测试", CancellationToken.None)));
        Assert.All(sends, r => Assert.True(r.Succeeded));
        Assert.Equal(1, api.TokenRequests); // single flight
        Assert.Equal(5, api.Calls.Count(c => c.Path == "/cgi-bin/message/send" && c.ErrCode == 0));
        Assert.All(api.Calls.Where(c => c.Path == "/cgi-bin/message/send"), c => Assert.Equal(1000002, c.Body.GetProperty("agentid").GetInt64()));
    }
}
