using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// What the first try of a message was answered with, so that WeChat's retries get the same answer
/// without running the turn again. The reply text is sealed with AES-GCM (key derived from the channel's
/// secrets, shared by every instance) because replies may carry personal details and the cache may be Redis.
/// </summary>
internal sealed class WeChatReplyCache(IKeyValueCache cache, IOptions<WeChatOptions> options)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);
    private const string Success = "S";
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256,
        Encoding.UTF8.GetBytes($"{options.Value.Token}|{options.Value.AppId}|{options.Value.EncodingAESKey}|{options.Value.AppSecret}"),
        32, info: Encoding.UTF8.GetBytes("wechat-reply-cache"));

    // One AesGcm per concurrent user instead of one per reply: creating it sets up a native cipher context each
    // time (a visible share of a turn's CPU in the load profile). An instance is not thread-safe, so each is
    // rented by one caller at a time; the bag holds at most as many as ever ran at once.
    private readonly ConcurrentBag<AesGcm> _ciphers = [];

    /// <summary>
    /// Remembers the passive reply text (null = answered <c>success</c>) without waiting for the store: only a
    /// retry reads it, seconds later; if the write is lost the retry is answered <c>success</c>.
    /// </summary>
    public void Remember(CacheKey key, string? passive) =>
        cache.PostGrouped(key, passive is null ? Success : "P" + Seal(passive), Ttl);

    /// <summary>Not yet known: null. Answered <c>success</c>: (true, null). Passive reply: (true, text).</summary>
    public async Task<(bool Known, string? Passive)> GetAsync(CacheKey key, CancellationToken cancellationToken)
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
