using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>RELIABILITY rows 1–6 over real HTTP: every bad request gets a 4xx, runs no turn and sends nothing.</summary>
public sealed class WeChatRejectionTests : IAsyncLifetime
{
    private WeChatTestServer _s = null!;

    public async Task InitializeAsync() => _s = await WeChatTestServer.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private string Payload(string name, string? listener = null) => Payloads.Read(name, new Dictionary<string, string>
    {
        ["FROM"] = "oAttacker", ["NOW"] = _s.Requests.Now(), ["LISTENER"] = listener ?? "http://127.0.0.1:1",
    });

    private void AssertNothingHappened()
    {
        Assert.Equal(0, _s.Scripted.Turns);
        Assert.Empty(_s.Api.Calls);
    }

    [Theory]
    [InlineData("xxe-file.xml", WeChatMode.Plain)]
    [InlineData("xxe-file.xml", WeChatMode.Safe)]
    [InlineData("billion-laughs.xml", WeChatMode.Plain)]
    [InlineData("billion-laughs.xml", WeChatMode.Compatible)]
    public async Task DtdInBody_Is400AndNothingRuns(string payload, WeChatMode mode)
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var (status, body) = await _s.PostAsync(Payload(payload), mode == WeChatMode.Compatible ? WeChatMode.Safe : mode);
        Assert.Equal(400, status);
        Assert.DoesNotContain("root:", body);
        // An expanding parser would take minutes and gigabytes; the bound only catches that, not speed.
        Assert.True(clock.ElapsedMilliseconds < 30_000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore < 50_000_000, "memory grew");
        AssertNothingHappened();
    }

    [Fact]
    public async Task HttpEntityAimedAtLocalListener_Is400AndTheListenerHearsNothing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var (status, _) = await _s.PostAsync(Payload("xxe-http.xml", address));
        Assert.Equal(400, status);
        await Task.Delay(300);
        Assert.False(listener.Pending(), "the server fetched the external entity");
        AssertNothingHappened();
    }

    [Fact]
    public async Task OneMegabyteBody_Is413()
    {
        var q = _s.Requests.Sign(null);
        var big = "<xml><Content>" + new string('a', 1024 * 1024) + "</Content></xml>";
        using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(big, q));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertNothingHappened();
    }

    [Fact]
    public async Task ChunkedBodyWithoutLength_Is413()
    {
        var q = _s.Requests.Sign(null);
        var request = new HttpRequestMessage(HttpMethod.Post, WeChatRequestBuilder.Path + q.ToQueryString())
        {
            Content = new StreamContent(new EndlessXml(2 * 1024 * 1024)),
        };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _s.Client.SendAsync(request);
        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertNothingHappened();
    }

    [Fact]
    public async Task MissingOrWrongSignature_Is403()
    {
        var xml = WeChatRequestBuilder.Text("oAttacker", "转账", 1);
        var q = _s.Requests.Sign(null);
        foreach (var forged in new[] { q with { Signature = null }, q with { Signature = new string('a', 40) }, q with { Signature = q.Signature![..39] } })
        {
            using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(xml, forged));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        using var bare = await _s.Client.SendAsync(WeChatRequestBuilder.Post(xml, ""));
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        AssertNothingHappened();
    }

    [Fact]
    public async Task CapturedQueryStringWithANewBody_Is403()
    {
        var q = _s.Requests.Sign(null);
        using var first = await _s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oVictim", "你好", 10), q));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var swapped = await _s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oVictim", "取消我的预约", 11), q));
        Assert.Equal(HttpStatusCode.Forbidden, swapped.StatusCode);
        Assert.Equal(["你好"], _s.Scripted.Received.Select(a => a.AsMessageActivity().Text));

        // The refused body claimed nothing (its dedupe key is claimed only with a passing replay check): the
        // genuine message with that id, under its own signed query, still runs its turn.
        using var genuine = await _s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oVictim", "取消我的预约", 11), _s.Requests.Sign(null)));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(["你好", "取消我的预约"], _s.Scripted.Received.Select(a => a.AsMessageActivity().Text));
    }

    [Fact]
    public async Task UrlCheckQueryReusedForAMessage_Is403()
    {
        // In plain mode the signature covers only token, timestamp and nonce: a URL check's query (in a proxy's access
        // log) must not pass as a message with a body of the reader's choosing. The check itself may be asked again.
        var q = _s.Requests.Sign(null);
        Assert.Equal("echo1", await _s.Client.GetStringAsync($"/api/wechat{q.ToQueryString()}&echostr=echo1"));
        Assert.Equal("echo1", await _s.Client.GetStringAsync($"/api/wechat{q.ToQueryString()}&echostr=echo1"));
        using var forged = await _s.Client.SendAsync(WeChatRequestBuilder.Post(WeChatRequestBuilder.Text("oVictim", "取消我的预约", 13), q));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        AssertNothingHappened();
    }

    [Fact]
    public async Task UrlCheckOutsideTheTimestampWindow_Is403()
    {
        var ts = DateTimeOffset.UtcNow.AddSeconds(-360).ToUnixTimeSeconds().ToString();
        var q = _s.Requests.Sign(null, timestamp: ts);
        using var refused = await _s.Client.GetAsync($"/api/wechat{q.ToQueryString()}&echostr=echo2");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData(-360)]
    [InlineData(360)]
    public async Task TimestampOutsideTheWindow_Is403(int offsetSeconds)
    {
        var ts = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString();
        var (body, q) = _s.Requests.Build(WeChatRequestBuilder.Text("oAttacker", "旧消息", 2), WeChatMode.Plain, timestamp: ts);
        using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(body, q));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNothingHappened();
    }

    [Fact]
    public async Task ReplayInsideTheWindow_RunsNoSecondTurn()
    {
        // Decision: the same signed query with the same body is what a WeChat retry may look like, so it is
        // answered from the first try's reply without a turn; with any other body it is refused (test above).
        var request = _s.Requests.Build(WeChatRequestBuilder.Text("oVictim", "预约周三", 12), WeChatMode.Safe);
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(request.Body, request.Query));
            answers.Add(_s.Requests.ReadReply(await response.Content.ReadAsStringAsync())["Content"]);
        }
        Assert.Equal(1, _s.Scripted.Turns);
        Assert.All(answers, a => Assert.Equal("你说：预约周三", a));
    }

    [Fact]
    public async Task EncryptedBodyWithoutOrWithWrongMsgSignature_Is403()
    {
        var (body, q) = _s.Requests.Build(WeChatRequestBuilder.Text("oAttacker", "x", 3), WeChatMode.Safe);
        foreach (var forged in new[] { q with { MsgSignature = null }, q with { MsgSignature = new string('b', 40) }, q with { MsgSignature = q.Signature } })
        {
            using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(body, forged));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        AssertNothingHappened();
    }

    public static TheoryData<string, int, int, int?> Forgeries => new()
    {
        { "pad 0", 1, 0, null },
        { "pad 33", 32, 33, null },
        { "pad 17, one byte wrong", 17, 17, 16 },
        { "huge length", 16, 16, null },
        { "wrong appid", 16, 16, null },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task SignedButMalformedCiphertext_IsOneUniform403(string what, int padBytes, int lastByte, int? otherBytes)
    {
        var message = WeChatRequestBuilder.Text("oAttacker", "x", 4);
        var appId = what == "wrong appid" ? "wx0000000000000000" : WeChatTestServer.AppId;
        var plain = WeChatCryptoTests.Forge(ref message, appId, padBytes, lastByte, otherBytes);
        if (what == "huge length") BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), int.MaxValue);
        var (body, q) = _s.Requests.Envelope(_s.Requests.Cipher.EncryptRaw(plain));
        using var response = await _s.Client.SendAsync(WeChatRequestBuilder.Post(body, q));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        AssertNothingHappened();
    }

    /// <summary>A stream of XML that goes on for <paramref name="length"/> bytes and does not report its length.</summary>
    private sealed class EndlessXml(long length) : Stream
    {
        private long _sent;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _sent);
            Encoding.ASCII.GetBytes(new string('a', n)).CopyTo(buffer, offset);
            _sent += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
