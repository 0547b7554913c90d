using Microsoft.AspNetCore.Http;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The query parameters WeChat signs every callback with. A WeCom app (<paramref name="alwaysEncrypted"/>) sends no
/// <c>signature</c> and no <c>encrypt_type</c>: every callback is encrypted and signed with <c>msg_signature</c> alone.
/// </summary>
internal sealed record WeChatQuery(string? Signature, string? Timestamp, string? Nonce, string? EchoStr, string? MsgSignature, bool Encrypted)
{
    public static WeChatQuery From(IQueryCollection q, bool alwaysEncrypted = false) => alwaysEncrypted
        ? new(null, q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["echostr"].FirstOrDefault(), q["msg_signature"].FirstOrDefault(), true)
        : new(q["signature"].FirstOrDefault(), q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["echostr"].FirstOrDefault(),
            q["msg_signature"].FirstOrDefault(), string.Equals(q["encrypt_type"].FirstOrDefault(), "aes", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The signature that names this signed query in the replay check: <c>signature</c>, or for a WeCom callback (which
    /// has none) <c>msg_signature</c>, which the verifier has checked before the replay claim is made.
    /// </summary>
    public string ReplaySignature => Signature ?? MsgSignature ?? "";
}
