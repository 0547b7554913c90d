using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The GET URL check WeChat makes when the server configuration is saved: echoes <c>echostr</c> when the signature
/// holds (decrypted when it came encrypted, as WeCom sends it). A plain-signed check also claims its query's replay
/// key: in plain mode the signature covers only the token, timestamp and nonce, so a URL check's query read from a
/// proxy's access log would otherwise pass once as a POST with any body, while its timestamp is inside the window.
/// The same check asked again still echoes (the claim's value matches).
/// </summary>
public sealed class WeChatUrlCheck([FromKeyedServices] WeChatAccount account, [FromKeyedServices] WeChatRequestVerifier verifier, IKeyValueCache cache)
{
    private const string ClaimValue = "url-check";

    /// <summary>The text to echo, or null when the request is not WeChat's.</summary>
    internal async Task<string?> EchoAsync(WeChatQuery q, CancellationToken cancellationToken)
    {
        var echo = Verify(q);
        if (echo is null) return null;
        // A WeCom app's check is signed with msg_signature only, and the same signature signs its messages: it is held to
        // the window and claimed like a message, so a check read from a log cannot be replayed.
        if (!account.AlwaysEncrypted && !WeChatSignature.Verify(q.Signature, account.Token, q.Timestamp!, q.Nonce!)) return echo;
        if (verifier.PassesFor(q.Timestamp!) is not { } passesFor || verifier.NonceIsATimestamp(q.Nonce!)) return null;
        var claim = new KeyClaim(WeChatKeys.Replay(q.Timestamp!, q.ReplaySignature), ClaimValue, passesFor, SameValueCounts: true);
        return await cache.ClaimInOrderAsync([claim], cancellationToken).ConfigureAwait(false) == 1 ? echo : null;
    }

    private string? Verify(WeChatQuery q)
    {
        if (q.Timestamp is null || q.Nonce is null || q.EchoStr is null || q.EchoStr.Length > 4096) return null;
        if (q.MsgSignature is not null || account.AlwaysEncrypted)
        {
            // Encrypted echostr (safe mode as WeCom does it): verify over the ciphertext, then decrypt.
            if (account.Cipher is not { } cipher || q.MsgSignature is null || !WeChatSignature.Verify(q.MsgSignature, account.Token, q.Timestamp, q.Nonce, q.EchoStr)) return null;
            try { return cipher.Decrypt(q.EchoStr); } catch (WeChatCryptoException) { return null; }
        }
        return WeChatSignature.Verify(q.Signature, account.Token, q.Timestamp, q.Nonce) ? q.EchoStr : null;
    }
}
