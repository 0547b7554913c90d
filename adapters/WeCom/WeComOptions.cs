using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Adapters.WeCom;

/// <summary>
/// Settings of the WeCom (企业微信) self-built app staff use on their phones, bound from the <c>WeCom</c> section. Its
/// callback is <c>/api/wecom</c>; the callback's timing settings (reply deadline, timestamp window, body cap) are the
/// <c>WeChat</c> section's.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";
    public const string DefaultApiBaseUrl = "https://qyapi.weixin.qq.com";

    /// <summary>The enterprise's CorpID (我的企业 → 企业信息 → 企业ID); decrypted callbacks must name it.</summary>
    public string? CorpId { get; set; }

    /// <summary>The self-built app's AgentId (应用管理 → the app).</summary>
    public string? AgentId { get; set; }

    /// <summary>The app's Secret: with the CorpID it gets the app's access token.</summary>
    public string? Secret { get; set; }

    /// <summary>The Token of the app's 接收消息 API settings (3–32 letters or digits).</summary>
    public string? Token { get; set; }

    /// <summary>The 43-character EncodingAESKey of the app's 接收消息 API settings.</summary>
    public string? EncodingAESKey { get; set; }

    /// <summary>Base address of the WeCom API; tests and demos point it at <c>wecom fake-api</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>True when any identifying setting is present: then all of them are required.</summary>
    public bool Enabled => new[] { CorpId, AgentId, Secret, Token, EncodingAESKey }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>
    /// The app as a member of the WeChat family: the callback, token and sends reuse the Official Account's pieces with
    /// the CorpID as the receive id, always encrypted (<see cref="WeChatAccountKind.WeComApp"/>). The callback's timing
    /// settings come from <paramref name="shared"/> (the <c>WeChat</c> section).
    /// </summary>
    public WeChatAccount Account(WeChatOptions shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var options = new WeChatOptions
        {
            Token = Token,
            AppId = CorpId,
            AppSecret = Secret,
            EncodingAESKey = EncodingAESKey,
            Mode = "safe",
            ApiBaseUrl = ApiBaseUrl,
            ReplyDeadline = shared.ReplyDeadline,
            TimestampWindow = shared.TimestampWindow,
            MaxBodyBytes = shared.MaxBodyBytes,
            UserMessagesPerMinute = shared.UserMessagesPerMinute,
        };
        return new WeChatAccount(AccountName, ChannelId, options, WeChatAccountKind.WeComApp, AgentId);
    }

    /// <summary>The app's DI key (its keyed WeChat-family services).</summary>
    public const string AccountName = "wecom";

    /// <summary>The channel id of the app's activities (staff members' conversations with the app).</summary>
    public const string ChannelId = "wecom";
}
