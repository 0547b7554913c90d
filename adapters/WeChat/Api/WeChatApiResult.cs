using System.Text.Json.Serialization;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>WeChat's answer to an API call: <c>errcode</c> 0 is success. Codes we set ourselves are negative or mirror WeChat's (45015, 45047).</summary>
public sealed record WeChatApiResult(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg)
{
    /// <summary>Outside the 48-hour customer-service window.</summary>
    public const int OutOfWindow = 45015;
    /// <summary>Over the customer-service quota.</summary>
    public const int OverQuota = 45047;
    /// <summary>The API could not be reached (timeout, network, bad answer) — set by us, not WeChat.</summary>
    public const int Unreachable = -10;
    /// <summary>The channel has no AppId/AppSecret, so the API cannot be called — set by us.</summary>
    public const int NotConfigured = -11;
    /// <summary>The shared store (Redis) holding the delivery window and the access token failed, so nothing was sent — set by us.</summary>
    public const int StoreUnavailable = -12;

    public bool Succeeded => ErrCode == 0;

    /// <summary>True for the codes that mean the access token is invalid or expired.</summary>
    public bool IsTokenError => ErrCode is 40001 or 40014 or 42001;

    public static WeChatApiResult Ok { get; } = new(0, "ok");
}
