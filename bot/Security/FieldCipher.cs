using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Security;

/// <summary>
/// Encrypts one text field with AES-256-GCM: "v1." + base64(nonce ‖ tag ‖ ciphertext). The field's purpose
/// ("dispute.description") is authenticated as associated data, so a value cannot be moved to another field.
/// Shared by the features that keep personal text: help-request fields and drafts (Disputes), hand-off
/// transcripts (Escalation).
/// </summary>
public sealed class FieldCipher
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]> _key;

    public FieldCipher(byte[] key) => _key = new Lazy<byte[]>(key);

    /// <summary>
    /// Loads the key on first use, so building the bot (every flow) does not read settings the host validates
    /// at start-up anyway; a misconfigured key then fails the start, or the first help request, not every turn.
    /// </summary>
    public FieldCipher(Func<byte[]> keySource) => _key = new Lazy<byte[]>(keySource, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Reads the key now (the host does at start-up, so a generated key file is created and logged then).</summary>
    public void LoadKey() => _ = _key.Value;

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="purpose"/>; a fresh random nonce each time.</summary>
    public string Protect(string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts a value made by <see cref="Protect"/>; throws <see cref="CryptographicException"/> when tampered or for another purpose.</summary>
    public string Unprotect(string protectedValue, string purpose)
    {
        if (!protectedValue.StartsWith(Prefix, StringComparison.Ordinal)) throw new CryptographicException("Not a protected field value.");
        byte[] data;
        try
        {
            data = Convert.FromBase64String(protectedValue[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("Malformed protected field value.", e);
        }
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Protected field value too short.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Decrypts, or null when <paramref name="protectedValue"/> is null (a deleted field).</summary>
    public string? UnprotectOrNull(string? protectedValue, string purpose) =>
        protectedValue is null ? null : Unprotect(protectedValue, purpose);
}
