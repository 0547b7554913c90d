using System.Text.Json.Serialization;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// WeChat's answer to <c>/cgi-bin/qrcode/create</c>: the <c>ticket</c> (shows the code through showqrcode), how long
/// it lives and the <c>url</c> the QR code encodes (draw it locally, so nothing depends on showqrcode).
/// </summary>
public sealed record WeChatQrCode(
    [property: JsonPropertyName("ticket")] string? Ticket,
    [property: JsonPropertyName("expire_seconds")] int ExpireSeconds,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg)
{
    /// <summary>A code WeChat made: no error and a URL to draw.</summary>
    public bool Succeeded => ErrCode == 0 && !string.IsNullOrEmpty(Ticket) && !string.IsNullOrEmpty(Url);

    /// <summary>The error part alone, for the token handling and the logs.</summary>
    public WeChatApiResult Result => new(ErrCode, ErrMsg);
}
