using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Hosting;

/// <summary>The load benchmark's baseline endpoint: off by default; when on, the callback's checks and a constant reply, no turn.</summary>
public sealed class WeChatBaselineEndpointTests
{
    [Fact]
    public async Task Baseline_is_not_mapped_unless_the_setting_is_true()
    {
        await using var server = await WeChatTestServer.StartAsync();
        var (body, query) = server.Requests.Build(WeChatRequestBuilder.Text("oUser1", "你好", 1), WeChatMode.Plain);
        using var response = await server.Client.SendAsync(Post(body, query));
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(WeChatMode.Plain)]
    [InlineData(WeChatMode.Safe)]
    public async Task Baseline_answers_a_signed_message_with_the_constant_reply_and_runs_no_turn(WeChatMode mode)
    {
        await using var server = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?> { [WeChatEndpoints.BaselineSetting] = "true" });
        var (body, query) = server.Requests.Build(WeChatRequestBuilder.Text("oUser1", "你好", 2), mode);
        using var response = await server.Client.SendAsync(Post(body, query));
        Assert.Equal(200, (int)response.StatusCode);
        var reply = server.Requests.ReadReply(await response.Content.ReadAsStringAsync());
        Assert.Equal(WeChatEndpoints.BaselineReply, reply["Content"]);
        Assert.Equal("oUser1", reply["ToUserName"]);
        Assert.Equal(0, server.Scripted.Turns);
    }

    [Fact]
    public async Task Baseline_refuses_a_wrong_signature_like_the_callback()
    {
        await using var server = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?> { [WeChatEndpoints.BaselineSetting] = "true" });
        var (body, query) = server.Requests.Build(WeChatRequestBuilder.Text("oUser1", "你好", 3), WeChatMode.Plain);
        using var response = await server.Client.SendAsync(Post(body, query with { Signature = new string('0', 40) }));
        Assert.Equal(403, (int)response.StatusCode);
    }

    private static HttpRequestMessage Post(string body, WeChatSignedQuery query)
    {
        var request = WeChatRequestBuilder.Post(body, query);
        request.RequestUri = new Uri(WeChatEndpoints.BaselineRoute + query.ToQueryString(), UriKind.Relative);
        return request;
    }
}
