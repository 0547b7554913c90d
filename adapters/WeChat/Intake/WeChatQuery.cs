using Microsoft.AspNetCore.Http;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>The query parameters WeChat signs every callback with.</summary>
internal sealed record WeChatQuery(string? Signature, string? Timestamp, string? Nonce, string? EchoStr, string? MsgSignature, bool Encrypted)
{
    public static WeChatQuery From(IQueryCollection q) => new(
        q["signature"].FirstOrDefault(), q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["echostr"].FirstOrDefault(),
        q["msg_signature"].FirstOrDefault(), string.Equals(q["encrypt_type"].FirstOrDefault(), "aes", StringComparison.OrdinalIgnoreCase));
}
