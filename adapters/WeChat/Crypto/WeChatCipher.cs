using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// WeChat's message encryption (safe and compatible mode): AES-256-CBC, IV = first 16 bytes of the key,
/// PKCS#7 padding to a 32-byte block, plaintext = random(16) ‖ msg_len (4 bytes, big-endian) ‖ msg ‖ appid.
/// </summary>
/// <remarks>
/// Hand-written because no served .NET package implements it (Senparc.Weixin is not served). Stricter than
/// the common SDKs: every pad byte is checked, msg_len is bounds-checked, the appid is compared in constant
/// time, and every failure is the same <see cref="WeChatCryptoException"/> so nothing leaks which check failed.
/// CBC has no MAC: callers verify <c>msg_signature</c> before calling <see cref="Decrypt"/>.
/// </remarks>
public sealed class WeChatCipher
{
    private const int Block = 32;
    private readonly byte[] _key;
    private readonly byte[] _appId;

    public WeChatCipher(byte[] key, string appId)
    {
        if (key.Length != 32) throw new ArgumentException("The AES key must be 32 bytes.", nameof(key));
        _key = key;
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>Decrypts a Base64 <c>Encrypt</c> value into the inner message, or throws <see cref="WeChatCryptoException"/>.</summary>
    public string Decrypt(string encrypted)
    {
        var plain = DecryptRaw(encrypted);
        try
        {
            var padding = plain[^1];
            if (padding < 1 || padding > Block || padding > plain.Length) throw new WeChatCryptoException();
            var bad = 0;
            for (var i = plain.Length - padding; i < plain.Length; i++) bad |= plain[i] ^ padding;
            if (bad != 0) throw new WeChatCryptoException();
            var content = plain.AsSpan(0, plain.Length - padding);
            if (content.Length < 20) throw new WeChatCryptoException();
            var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
            if (length < 0 || length > content.Length - 20) throw new WeChatCryptoException();
            var message = content.Slice(20, length);
            var appId = content[(20 + length)..];
            if (!CryptographicOperations.FixedTimeEquals(appId, _appId)) throw new WeChatCryptoException();
            return new UTF8Encoding(false, true).GetString(message);
        }
        catch (DecoderFallbackException) { throw new WeChatCryptoException(); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }

    /// <summary>Encrypts a reply; <paramref name="random16"/> is for test vectors, fresh random bytes otherwise.</summary>
    public string Encrypt(string message, byte[]? random16 = null)
    {
        var msg = Encoding.UTF8.GetBytes(message);
        var random = random16 ?? RandomNumberGenerator.GetBytes(16);
        if (random.Length != 16) throw new ArgumentException("The random prefix must be 16 bytes.", nameof(random16));
        var length = 20 + msg.Length + _appId.Length;
        var padding = Block - length % Block;
        var plain = new byte[length + padding];
        random.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        _appId.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)padding);
        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts without removing padding; used by tests that forge plaintexts with bad padding.</summary>
    internal byte[] DecryptRaw(string encrypted)
    {
        byte[] cipher;
        try { cipher = Convert.FromBase64String(encrypted); }
        catch (FormatException) { throw new WeChatCryptoException(); }
        // WeChat always pads to 32 bytes, so anything else is not theirs.
        if (cipher.Length < Block || cipher.Length % Block != 0) throw new WeChatCryptoException();
        using var aes = CreateAes();
        return aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
    }

    /// <summary>Encrypts raw bytes without adding padding; lets tests build malformed plaintexts.</summary>
    internal string EncryptRaw(byte[] plain)
    {
        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
