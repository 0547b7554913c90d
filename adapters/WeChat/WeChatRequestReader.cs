using System.Globalization;
using System.Security.Cryptography;
using ChatAssistant.Adapters.Coordination;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Verifies and reads one WeChat callback, in this order: <c>signature</c> (every request, constant-time, only as
/// WeChat writes it), timestamp window, the account's mode (<see cref="WeChatOptions.AccountMode"/>: a safe
/// account takes only <c>encrypt_type=aes</c>, a plain one only plain), capped body (413), the XXE-safe parse, for
/// <c>encrypt_type=aes</c> the <c>msg_signature</c> before decrypting, then the replay cache. No turn runs unless
/// every check passes. One thing happens before the replay check's answer: a signed, well-formed message's caller
/// may issue its turn's first commands (the turn lock's attempt and the session read) together with the claim; a
/// replay or a retry then releases the lock at once, and the read only renews the session's idle expiry, as the
/// user's own next message would.
/// </summary>
internal sealed class WeChatRequestReader
{
    private readonly WeChatOptions _options;
    private readonly IKeyValueCache _cache;
    private readonly TimeProvider _time;

    public WeChatRequestReader(IOptions<WeChatOptions> options, IKeyValueCache cache, TimeProvider time)
    {
        _options = options.Value;
        _cache = cache;
        _time = time;
        if (WeChatCipherKey.TryParse(_options.EncodingAESKey, out var key)) Cipher = new WeChatCipher(key, _options.AppId ?? "");
    }

    /// <summary>Null when no EncodingAESKey is configured (plain mode only).</summary>
    public WeChatCipher? Cipher { get; }

    public string Token => _options.Token ?? "";

    /// <summary>
    /// URL verification: the text to echo, or null when the request is not WeChat's. A plain-signed check also
    /// claims its query's replay key: in plain mode the signature covers only the token, timestamp and nonce, so a
    /// URL check's query read from a proxy's access log would otherwise pass once as a POST with any body, while
    /// its timestamp is inside the window. The same check asked again still echoes (the claim's value matches).
    /// </summary>
    public async Task<string?> VerifyUrlAsync(WeChatQuery q, CancellationToken cancellationToken)
    {
        var echo = VerifyUrl(q);
        if (echo is null || !WeChatSignature.Verify(q.Signature, Token, q.Timestamp!, q.Nonce!)) return echo;
        if (PassesFor(q.Timestamp!) is not { } passesFor || NonceIsATimestamp(q.Nonce!)) return null;
        var claim = new KeyClaim(WeChatKeys.Replay(q.Timestamp!, q.Signature!), "url-check", passesFor, SameValueCounts: true);
        return await _cache.ClaimInOrderAsync([claim], cancellationToken).ConfigureAwait(false) == 1 ? echo : null;
    }

    // How long a signed query with this timestamp can still pass the timestamp check (until its timestamp leaves the
    // window, plus a second for the whole-second timestamps); null when it does not pass now.
    private TimeSpan? PassesFor(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return null;
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = _time.GetUtcNow();
        if ((now - signedAt).Duration() > _options.TimestampWindow) return null;
        return signedAt + _options.TimestampWindow - now + TimeSpan.FromSeconds(1);
    }

    // The signature covers the sorted set {token, timestamp, nonce}, not which part is which: a nonce that is itself a
    // Unix time inside the window could swap places with the timestamp and sign the same, under another second, so
    // another replay group. WeChat's nonces are random numbers, so this refuses well under one try in a million, and
    // WeChat retries it with a fresh nonce; in exchange every signed query has one replay key (RELIABILITY row 16).
    private bool NonceIsATimestamp(string nonce) => PassesFor(nonce) is not null;

    // The account's mode says which forms are WeChat's (RELIABILITY row 17). The reason is logged; it names the
    // setting and never anything from the body.
    private string? RefusedByMode(WeChatQuery q) => (_options.AccountMode, q.Encrypted) switch
    {
        (WeChatAccountMode.Safe, false) => "mode: a message without encrypt_type=aes to a safe account (WeChat:Mode)",
        (WeChatAccountMode.Plain, true) => "mode: an encrypted message to a plain account (WeChat:Mode)",
        _ => null,
    };

    private string? VerifyUrl(WeChatQuery q)
    {
        if (q.Timestamp is null || q.Nonce is null || q.EchoStr is null || q.EchoStr.Length > 4096) return null;
        if (q.MsgSignature is not null)
        {
            // Encrypted echostr (safe mode as WeCom does it): verify over the ciphertext, then decrypt.
            if (Cipher is null || !WeChatSignature.Verify(q.MsgSignature, Token, q.Timestamp, q.Nonce, q.EchoStr)) return null;
            try { return Cipher.Decrypt(q.EchoStr); } catch (WeChatCryptoException) { return null; }
        }
        return WeChatSignature.Verify(q.Signature, Token, q.Timestamp, q.Nonce) ? q.EchoStr : null;
    }

    public Task<WeChatInbound> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, alsoClaim: null, cancellationToken);

    /// <summary>
    /// Reads and checks one callback. Last comes the replay cache, and with it, in the same round trip and only if
    /// the replay check passes, the key <paramref name="alsoClaim"/> names for the message (the adapter's dedupe
    /// key); <see cref="WeChatInbound.AlsoClaimed"/> says whether that one was new. The callback gets the fields and
    /// how long this signed query can still pass the checks (its replay key lives that long).
    /// </summary>
    public async Task<WeChatInbound> ReadAsync(HttpRequest request, Func<IReadOnlyDictionary<string, string>, TimeSpan, KeyClaim?>? alsoClaim, CancellationToken cancellationToken)
    {
        var q = WeChatQuery.From(request.Query);
        if (q.Timestamp is null || q.Nonce is null || !WeChatSignature.Verify(q.Signature, Token, q.Timestamp, q.Nonce))
            return WeChatInbound.Rejected(q, "signature");
        if (PassesFor(q.Timestamp) is not { } passesFor) return WeChatInbound.Rejected(q, "timestamp");
        if (NonceIsATimestamp(q.Nonce)) return WeChatInbound.Rejected(q, "nonce");
        if (RefusedByMode(q) is { } mismatch) return WeChatInbound.Rejected(q, mismatch);

        var body = await ReadCappedAsync(request, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return new WeChatInbound(StatusCodes.Status413PayloadTooLarge, "body too large", q);

        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(body);
            if (q.Encrypted)
            {
                // Compatible mode carries the plain fields too; only the signed ciphertext is trusted.
                if (Cipher is null || !fields.TryGetValue("Encrypt", out var encrypted)
                    || !WeChatSignature.Verify(q.MsgSignature, Token, q.Timestamp, q.Nonce, encrypted))
                    return WeChatInbound.Rejected(q, "msg_signature");
                fields = WeChatXml.Parse(Cipher.Decrypt(encrypted));
            }
        }
        catch (WeChatCryptoException) { return WeChatInbound.Rejected(q, "decrypt"); }
        catch (WeChatXmlException) { return new WeChatInbound(StatusCodes.Status400BadRequest, "xml", q); }

        // The same signed query may come back only with the same body (a WeChat retry, which dedupe makes
        // harmless); a captured query string reused with another body is refused, and claims nothing else.
        // The key lives exactly as long as the query can pass the timestamp check above: one window for a fresh
        // message, instead of two for every message, halves the replay keys kept under load (docs/PERFORMANCE.md).
        var replay = new KeyClaim(WeChatKeys.Replay(q.Timestamp, q.Signature!),
            Convert.ToHexStringLower(SHA256.HashData(body)), passesFor, SameValueCounts: true);
        // What the caller issues while deciding its own claim (a turn's lock attempt and state read) and the claim
        // leave for the store together, and are answered together: one round trip.
        int claimed;
        try
        {
            Task<int> claiming;
            using (_cache.SendTogether())
            {
                var also = alsoClaim?.Invoke(fields, passesFor);
                // Not the request's token: once the claim is on its way the message is taken, and a sender hanging up
                // now must not leave it claimed with no turn (its retry would then find nothing to answer with).
                claiming = _cache.ClaimInOrderAsync(also is { } a ? [replay, a] : [replay], CancellationToken.None);
            }
            claimed = await claiming.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The shared store (Redis) is down or stalled: neither replay nor dedupe can be checked, so no turn may
            // run. The message is signed and well-formed, so the caller can still answer it (a short busy reply)
            // instead of a 500, which WeChat shows the user as "该公众号暂时无法提供服务".
            return new WeChatInbound(StatusCodes.Status200OK, "store unavailable", q, fields) { StoreFailure = e };
        }
        if (claimed == 0) return WeChatInbound.Rejected(q, "replay");
        return new WeChatInbound(StatusCodes.Status200OK, "ok", q, fields) { AlsoClaimed = claimed == 2 };
    }

    /// <summary>Reads at most <paramref name="max"/> bytes whatever the headers say (chunked bodies have no length); null when there is more.</summary>
    internal static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max) return null;
        var buffer = new byte[Math.Min(max + 1, (int?)request.ContentLength + 1 ?? 16 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > max) return null;
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max + 1));
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
            if (total > max) return null;
        }
        return buffer[..total];
    }
}
