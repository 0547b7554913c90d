using System.Globalization;
using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// RELIABILITY row 16 over real HTTP: one request has one spelling. A signature is accepted only as WeChat writes it
/// (40 lower-case hex digits), so a captured query cannot be made "new" by changing a letter's case; the replay key
/// is the signed text itself, however the query splits it; a message's dedupe key does not change with how its
/// numbers or event name are written.
/// </summary>
public sealed class WeChatSignatureFormTests
{
    // The first hex letter of a signature upper-cased: the same bytes to a case-insensitive comparison.
    private static string UpperOneLetter(string signature)
    {
        var at = signature.IndexOfAny("abcdef".ToCharArray());
        return signature[..at] + char.ToUpperInvariant(signature[at]) + signature[(at + 1)..];
    }

    // A signed query whose signature and msg_signature both contain a hex letter (all but certain; retried otherwise).
    private static (string Body, WeChatSignedQuery Query) BuildWithLetters(WeChatTestServer s, string xml, WeChatMode mode)
    {
        while (true)
        {
            var built = s.Requests.Build(xml, mode);
            if (built.Query.Signature!.IndexOfAny("abcdef".ToCharArray()) >= 0
                && (built.Query.MsgSignature is null || built.Query.MsgSignature.IndexOfAny("abcdef".ToCharArray()) >= 0)) return built;
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WeChatTestServer s, string body, WeChatSignedQuery query)
    {
        using var response = await s.Client.SendAsync(WeChatRequestBuilder.Post(body, query));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CapturedQuery_WithOneHexLetterUpperCased_IsRefused_AndAnotherUsersBodyRunsNothing()
    {
        await using var s = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?> { ["WeChat:Mode"] = "plain", ["WeChat:EncodingAESKey"] = null });
        var (body, query) = BuildWithLetters(s, WeChatRequestBuilder.Text("oVictim", "我的时长", 7001), WeChatMode.Plain);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(s, body, query)).Status);

        // The attacker read the URL from a proxy log. Reused as it is with another body, it is a replay.
        var forged = WeChatRequestBuilder.Text("oOtherUser", "把我的预约都取消", 7002);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, forged, query)).Status);
        // One letter upper-cased: the same signature to a case-insensitive check, a "new" query to a raw-text key.
        var (status, answer) = await SendAsync(s, forged, query with { Signature = UpperOneLetter(query.Signature!) });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("", answer);
        Assert.Equal(["oVictim"], s.Scripted.Received.Select(a => a.From.Id));
    }

    [Theory]
    [InlineData(WeChatMode.Safe, "signature")]
    [InlineData(WeChatMode.Safe, "msg_signature")]
    [InlineData(WeChatMode.Compatible, "msg_signature")]
    public async Task EncryptedMessage_ReplayedWithASignatureUpperCased_IsRefused(WeChatMode mode, string which)
    {
        await using var s = await WeChatTestServer.StartAsync();
        var (body, query) = BuildWithLetters(s, WeChatRequestBuilder.Text("oSafeUser", "预约周三", 7101), mode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(s, body, query)).Status);

        var changed = which == "signature"
            ? query with { Signature = UpperOneLetter(query.Signature!) }
            : query with { MsgSignature = UpperOneLetter(query.MsgSignature!) };
        var (status, answer) = await SendAsync(s, body, changed);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("", answer);
        Assert.Equal(1, s.Scripted.Turns);
    }

    [Fact]
    public async Task ASignatureInUpperCase_IsRefusedEvenTheFirstTime_PostAndUrlCheck()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var (body, query) = BuildWithLetters(s, WeChatRequestBuilder.Text("oUpper", "你好", 7201), WeChatMode.Plain);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, body, query with { Signature = query.Signature!.ToUpperInvariant() })).Status);
        Assert.Equal(0, s.Scripted.Turns);

        var url = s.Requests.Sign(null);
        while (url.Signature!.IndexOfAny("abcdef".ToCharArray()) < 0) url = s.Requests.Sign(null);
        using var upper = await s.Client.GetAsync($"/api/wechat{(url with { Signature = UpperOneLetter(url.Signature) }).ToQueryString()}&echostr=e1");
        Assert.Equal(HttpStatusCode.Forbidden, upper.StatusCode);
        Assert.Equal("e1", await s.Client.GetStringAsync($"/api/wechat{url.ToQueryString()}&echostr=e1"));
    }

    [Fact]
    public async Task TheSameSignedText_SplitAnotherWayBetweenNonceAndTimestamp_IsAReplay()
    {
        // signature = sha1(sort(token, timestamp, nonce) joined): nonce "00" + timestamp "T" and nonce "0" + timestamp
        // "0T" join to the same text, so the same signature; the timestamp is the same second. One signed query.
        await using var s = await WeChatTestServer.StartAsync();
        var now = s.Requests.Now();
        var (body, query) = s.Requests.Build(WeChatRequestBuilder.Text("oSplit", "你好", 7301), WeChatMode.Plain, timestamp: now, nonce: "00");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(s, body, query)).Status);

        var resplit = query with { Nonce = "0", Timestamp = "0" + now };
        Assert.Equal(query.Signature, WeChatSignature.Compute(WeChatTestServer.Token, resplit.Timestamp, resplit.Nonce));
        var forged = WeChatRequestBuilder.Text("oOtherUser", "取消预约", 7302);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, forged, resplit)).Status);
        Assert.Equal(["oSplit"], s.Scripted.Received.Select(a => a.From.Id));
    }

    [Fact]
    public async Task ANonceThatIsItselfATimestampInTheWindow_IsRefused_ItCouldSwapPlacesWithTheTimestamp()
    {
        // sort(token, timestamp, nonce) does not say which part is which: timestamp T1 with nonce T2 signs like
        // timestamp T2 with nonce T1, another second, so another replay group. WeChat's random nonces almost never
        // look like that, and WeChat retries a refused try with a fresh nonce.
        await using var s = await WeChatTestServer.StartAsync();
        var now = long.Parse(s.Requests.Now(), CultureInfo.InvariantCulture);
        string Stamp(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
        var (body, query) = s.Requests.Build(WeChatRequestBuilder.Text("oSwap", "你好", 7401), WeChatMode.Plain, timestamp: Stamp(now), nonce: Stamp(now - 5));
        Assert.Equal(query.Signature, WeChatSignature.Compute(WeChatTestServer.Token, Stamp(now - 5), Stamp(now)));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, body, query)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(s, body, query with { Timestamp = Stamp(now - 5), Nonce = Stamp(now) })).Status);
        using var url = await s.Client.GetAsync($"/api/wechat{query.ToQueryString()}&echostr=e2");
        Assert.Equal(HttpStatusCode.Forbidden, url.StatusCode);
        Assert.Equal(0, s.Scripted.Turns);
        // A nonce that is a number but no time near now is WeChat's usual kind.
        Assert.Equal(200, (await s.PostAsync(WeChatRequestBuilder.Text("oSwap", "你好", 7402))).Status);
    }

    [Fact]
    public async Task WeChatsRetry_WithTheMsgIdOrCreateTimeWrittenDifferently_RunsNoSecondTurn()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var created = long.Parse(s.Requests.Now(), CultureInfo.InvariantCulture);
        await s.PostAsync(WeChatRequestBuilder.Text("oRetried", "查时长", 41, createTime: created));
        // The retry comes signed anew; its MsgId carries a leading zero and surrounding blanks.
        var retry = WeChatRequestBuilder.Text("oRetried", "查时长", 41, createTime: created).Replace("<MsgId>41</MsgId>", "<MsgId> 041 </MsgId>", StringComparison.Ordinal);
        Assert.Contains("041", retry, StringComparison.Ordinal);
        Assert.Equal(200, (await s.PostAsync(retry)).Status);
        await s.DrainAsync();
        Assert.Equal(1, s.Scripted.Turns);
    }

    [Fact]
    public async Task AnEventsRetry_WithTheEventNameInAnotherCaseOrTheTimeZeroPadded_RunsNoSecondTurn()
    {
        await using var s = await WeChatTestServer.StartAsync();
        var now = s.Requests.Now();
        string Click(string evt, string createTime) => Payloads.Read("click.xml", new Dictionary<string, string> { ["FROM"] = "oClicker", ["NOW"] = createTime })
            .Replace("<![CDATA[CLICK]]>", $"<![CDATA[{evt}]]>", StringComparison.Ordinal);
        await s.PostAsync(Click("CLICK", now));
        await s.PostAsync(Click("click", now));
        await s.PostAsync(Click("Click", "0" + now));
        await s.DrainAsync();
        Assert.Equal(1, s.Scripted.Received.Count(a => a.Type == ActivityTypes.Event));
    }

    [Fact]
    public void ReplayKey_IsTheSignedTextAlone_GroupedByTheSecond()
    {
        // Nonce "00" with timestamp "1764223200", and nonce "0" with "01764223200": one signed text, one key.
        var a = WeChatKeys.Replay("1764223200", "0123456789abcdef0123456789abcdef01234567");
        var b = WeChatKeys.Replay("01764223200", "0123456789abcdef0123456789abcdef01234567");
        Assert.Equal(a, b);
        Assert.Equal("wechat:replay:1764223200", a.Group);
        Assert.NotEqual(a, WeChatKeys.Replay("1764223200", "0123456789abcdef0123456789abcdef01234568"));
    }

    [Fact]
    public void Verify_AcceptsOnlyFortyLowerCaseHexDigits()
    {
        var signature = WeChatSignature.Compute("test", "1410685589", "test");
        Assert.Equal("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", signature); // PROTOCOL.md, V2
        Assert.True(WeChatSignature.Verify(signature, "test", "1410685589", "test"));
        Assert.False(WeChatSignature.Verify(signature.ToUpperInvariant(), "test", "1410685589", "test"));
        Assert.False(WeChatSignature.Verify(UpperOneLetter(signature), "test", "1410685589", "test"));
        Assert.False(WeChatSignature.Verify(" " + signature[1..], "test", "1410685589", "test"));
    }

    [Fact]
    public void TheDedupeKey_OfOneMessage_IsTheSameHoweverItsFieldsAreWritten()
    {
        var now = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);
        static IReadOnlyDictionary<string, string> Fields(string createTime, string msgId, string from = "oKey") => new Dictionary<string, string>
        {
            ["ToUserName"] = "gh_test", ["FromUserName"] = from, ["CreateTime"] = createTime, ["MsgType"] = "text", ["Content"] = "hi", ["MsgId"] = msgId,
        };
        var stamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var a = Assert.IsType<InboundAction.RunTurn>(WeChatMapper.ToAction(Fields(stamp, "41"), now));
        var b = Assert.IsType<InboundAction.RunTurn>(WeChatMapper.ToAction(Fields("0" + stamp, " 041 ", " oKey "), now));
        Assert.Equal(a.DedupeKey, b.DedupeKey);
        Assert.Equal(a.ReplyKey, b.ReplyKey);
        Assert.Equal("oKey", b.Activity.From.Id);
        // An OpenID is case-sensitive (WeChat's are mixed-case): another case is another user.
        var c = Assert.IsType<InboundAction.RunTurn>(WeChatMapper.ToAction(Fields(stamp, "41", "OKEY"), now));
        Assert.NotEqual(a.DedupeKey, c.DedupeKey);
    }
}
