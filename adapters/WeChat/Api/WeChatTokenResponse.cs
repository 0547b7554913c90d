using System.Text.Json.Serialization;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>The token endpoint's answer.</summary>
public sealed record WeChatTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg);
