using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>
/// RELIABILITY row 12 for the channel: what a WeChat conversation writes to the logs (every level, every
/// category, including the HTTP client's) carries neither the user's OpenID, nor what they wrote, nor the
/// access token or AppSecret — also when a turn is late, a send is refused and the token is renewed.
/// </summary>
public sealed class WeChatLogPrivacyTests
{
    [Fact]
    public async Task WeChatConversationWithLateRefusedAndRetriedSends_LogsNoOpenIdTextOrSecret()
    {
        const string openId = "oSeededOpenId7f3a9c";
        const string secretText = "我家住在幸福路88号";
        await using var s = await WeChatTestServer.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["WeChat:ReplyDeadline"] = "00:00:00.5", ["WeChat:AppSecret"] = "AppSecretSeeded42",
        });
        s.Scripted.OnTurn = async (turn, ct) =>
        {
            await Task.Delay(1000, ct);
            await turn.SendActivityAsync("收到：" + turn.Activity.AsMessageActivity().Text, cancellationToken: ct);
        };

        Assert.Equal("success", (await s.PostAsync(WeChatRequestBuilder.Text(openId, secretText, 90_001), WeChatMode.Safe)).Body);
        await s.DrainAsync();
        s.Api.ExpireTokens(); // the next send meets 40001 and renews the token
        Assert.Equal("success", (await s.PostAsync(WeChatRequestBuilder.Text(openId, secretText + "2", 90_002))).Body);
        await s.DrainAsync();
        s.Api.FailFor(openId, 45015);
        Assert.Equal("success", (await s.PostAsync(WeChatRequestBuilder.Text(openId, secretText + "3", 90_003))).Body);
        await s.DrainAsync();

        Assert.Equal(2, s.Api.TextsTo(openId).Count);
        Assert.True(s.Api.TokensIssued >= 2);
        var tokens = s.Api.Calls.Select(c => c.AccessToken).OfType<string>().Distinct().ToList();
        var logs = s.Server.Logs.All;
        Assert.Contains("cgi-bin/message/custom/send", logs, StringComparison.Ordinal); // the HTTP client did log its calls
        Assert.DoesNotContain(openId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secretText, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("AppSecretSeeded42", logs, StringComparison.Ordinal);
        Assert.All(tokens, t => Assert.DoesNotContain(t, logs, StringComparison.Ordinal));
    }
}
