using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// What the first try of a message was answered with, so that WeChat's retries get the same answer
/// without running the turn again. The reply text is sealed with AES-GCM (key derived from the channel's
/// secrets, shared by every instance) because replies may carry personal details and the cache may be Redis.
/// </summary>
public sealed class WeChatReplyCache(IKeyValueCache cache, [FromKeyedServices] WeChatAccount account, TimeProvider time, ILogger<WeChatReplyCache> logger)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);
    private const string Success = "S";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Encoding.UTF8.GetBytes($"{account.Options.Token}|{account.Options.AppId}|{account.Options.EncodingAESKey}|{account.Options.AppSecret}"),
        32, info: Encoding.UTF8.GetBytes("wechat-reply-cache"));

    // One AesGcm per concurrent user instead of one per reply: creating it sets up a native cipher context each
    // time (a visible share of a turn's CPU in the load profile). An instance is not thread-safe, so each is
    // rented by one caller at a time; the bag holds at most as many as ever ran at once.
    private readonly ConcurrentBag<AesGcm> _ciphers = [];

    /// <summary>
    /// Remembers the passive reply text (null = answered <c>success</c>) without waiting for the store: only a
    /// retry reads it, seconds later; if the write is lost the retry is answered <c>success</c>.
    /// </summary>
    internal void Remember(CacheKey key, string? passive) =>
        cache.PostGrouped(key, passive is null ? Success : "P" + Seal(passive), Ttl);

    /// <summary>
    /// The first try's passive reply for WeChat's retry of a message (null: <c>success</c>), waiting for it up to
    /// <see cref="WeChatOptions.ReplyDeadline"/> while the first try's turn still runs.
    /// </summary>
    internal async Task<string?> FirstAnswerAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + account.Options.ReplyDeadline;
        while (true)
        {
            bool known;
            string? passive;
            try { (known, passive) = await GetAsync(key, cancellationToken).ConfigureAwait(false); }
            catch (StorageUnavailableException e)
            {
                // The store failed after the claim: the first try runs the turn and delivers; this retry says success.
                logger.LogWarning(e, "Could not read the first answer of a retried WeChat message");
                return null;
            }
            if (known || time.GetUtcNow() >= until) return passive;
            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Not yet known: null. Answered <c>success</c>: (true, null). Passive reply: (true, text).</summary>
    private async Task<(bool Known, string? Passive)> GetAsync(CacheKey key, CancellationToken cancellationToken)
    {
        var raw = await cache.GetGroupedAsync(key, cancellationToken).ConfigureAwait(false);
        if (raw is null) return (false, null);
        if (raw == Success || raw[0] != 'P') return (true, null);
        try { return (true, Open(raw[1..])); }
        catch (Exception e) when (e is CryptographicException or FormatException) { return (true, null); }
    }

    private string Seal(string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[12 + 16 + plain.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        var gcm = Rent();
        try { gcm.Encrypt(nonce, plain, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16)); }
        finally { _ciphers.Add(gcm); }
        return Convert.ToBase64String(sealedBytes);
    }

    private string Open(string sealedText)
    {
        var bytes = Convert.FromBase64String(sealedText);
        if (bytes.Length < 28) throw new FormatException();
        var plain = new byte[bytes.Length - 28];
        var gcm = Rent();
        try { gcm.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain); }
        finally { _ciphers.Add(gcm); }
        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Rent() => _ciphers.TryTake(out var gcm) ? gcm : new AesGcm(_key, 16);
}
