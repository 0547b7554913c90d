using System.Text.Json.Serialization;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Adapters.WeCom;

/// <summary>WeCom's answer to <c>message/send</c>: for a card with buttons, the <c>response_code</c> that updates it once (72 h).</summary>
public sealed record WeComSendResult(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg,
    [property: JsonPropertyName("response_code")] string? ResponseCode = null,
    [property: JsonPropertyName("invaliduser")] string? InvalidUser = null)
{
    public WeChatApiResult Result => new(ErrCode, ErrMsg);
}
