using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Verifies and reads one WeChat POST callback, in this order: <c>signature</c> (every request, constant-time, only
/// as WeChat writes it), timestamp window, the account's mode (<see cref="WeChatOptions.AccountMode"/>: a safe account
/// takes only <c>encrypt_type=aes</c>, a plain one only plain), capped body (413), the XXE-safe parse, and for
/// <c>encrypt_type=aes</c> the <c>msg_signature</c> before decrypting. It touches no store: the replay check that
/// comes last is <see cref="WeChatAdmission"/>'s, with the message's other claims.
/// </summary>
public sealed class WeChatRequestVerifier([FromKeyedServices] WeChatAccount account, TimeProvider time)
{
    private readonly WeChatOptions _options = account.Options;

    /// <summary>Reads and checks one callback: its fields, or the status to refuse it with.</summary>
    internal async Task<WeChatInbound> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var q = WeChatQuery.From(request.Query, account.AlwaysEncrypted);
        // A WeCom app signs only the ciphertext (msg_signature, checked below once the body is read).
        if (q.Timestamp is null || q.Nonce is null
            || (account.AlwaysEncrypted ? q.MsgSignature is null : !WeChatSignature.Verify(q.Signature, account.Token, q.Timestamp, q.Nonce)))
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
                if (account.Cipher is not { } cipher || !fields.TryGetValue("Encrypt", out var encrypted)
                    || !WeChatSignature.Verify(q.MsgSignature, account.Token, q.Timestamp, q.Nonce, encrypted))
                    return WeChatInbound.Rejected(q, "msg_signature");
                fields = WeChatXml.Parse(cipher.Decrypt(encrypted));
            }
        }
        catch (WeChatCryptoException) { return WeChatInbound.Rejected(q, "decrypt"); }
        catch (WeChatXmlException) { return new WeChatInbound(StatusCodes.Status400BadRequest, "xml", q); }

        return new WeChatInbound(StatusCodes.Status200OK, "ok", q, fields)
        {
            PassesFor = passesFor,
            BodyHash = Convert.ToHexStringLower(SHA256.HashData(body)),
        };
    }

    /// <summary>
    /// How long a signed query with this timestamp can still pass the timestamp check (until its timestamp leaves the
    /// window, plus a second for the whole-second timestamps); null when it does not pass now.
    /// </summary>
    internal TimeSpan? PassesFor(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return null;
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = time.GetUtcNow();
        if ((now - signedAt).Duration() > _options.TimestampWindow) return null;
        return signedAt + _options.TimestampWindow - now + TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// The signature covers the sorted set {token, timestamp, nonce}, not which part is which: a nonce that is itself a
    /// Unix time inside the window could swap places with the timestamp and sign the same, under another second, so
    /// another replay group. WeChat's nonces are random numbers, so this refuses well under one try in a million, and
    /// WeChat retries it with a fresh nonce; in exchange every signed query has one replay key (RELIABILITY row 16).
    /// </summary>
    internal bool NonceIsATimestamp(string nonce) => PassesFor(nonce) is not null;

    // The account's mode says which forms are WeChat's (RELIABILITY row 17). The reason is logged; it names the
    // setting and never anything from the body.
    private string? RefusedByMode(WeChatQuery q) => (_options.AccountMode, q.Encrypted) switch
    {
        (WeChatAccountMode.Safe, false) => "mode: a message without encrypt_type=aes to a safe account (WeChat:Mode)",
        (WeChatAccountMode.Plain, true) => "mode: an encrypted message to a plain account (WeChat:Mode)",
        _ => null,
    };

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
