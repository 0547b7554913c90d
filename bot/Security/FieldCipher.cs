using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Security;

/// <summary>
/// Encrypts one text field with AES-256-GCM: "v2." + base64(nonce ‖ tag ‖ ciphertext), with the field and the
/// record it belongs to (<see cref="FieldBinding"/>) authenticated as associated data, so a value cannot be moved
/// to another field or record. Shared by the features that keep personal text: help-request fields and drafts
/// (Disputes), hand-off transcripts (Escalation).
/// Values of the earlier format ("v1.", bound to the field's purpose alone) are read only by the start-up
/// re-encryption (<see cref="FieldRebindingMigration"/>), never by the features.
/// </summary>
public sealed class FieldCipher
{
    private const string Prefix = "v2.";
    private const string LegacyPrefix = "v1.";
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

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="binding"/>; a fresh random nonce each time.</summary>
    public string Protect(string plaintext, FieldBinding binding) => Prefix + Seal(plaintext, binding.AssociatedData());

    /// <summary>
    /// Decrypts a value made by <see cref="Protect"/> for the same binding; throws <see cref="CryptographicException"/>
    /// when it was tampered with, belongs to another field or record, or is in the earlier format.
    /// </summary>
    public string Unprotect(string protectedValue, FieldBinding binding) =>
        protectedValue.StartsWith(Prefix, StringComparison.Ordinal)
            ? Open(protectedValue[Prefix.Length..], binding.AssociatedData())
            : throw new CryptographicException(IsLegacy(protectedValue) ? "A field value of the earlier format (not re-encrypted yet)." : "Not a protected field value.");

    /// <summary>Decrypts, or null when <paramref name="protectedValue"/> is null (a deleted field).</summary>
    public string? UnprotectOrNull(string? protectedValue, FieldBinding binding) =>
        protectedValue is null ? null : Unprotect(protectedValue, binding);

    /// <summary>
    /// Decrypts like <see cref="Unprotect"/>, or false when the value cannot be read (moved from another record,
    /// tampered with, another key): for views that show a marker in its place instead of failing.
    /// </summary>
    public bool TryUnprotect(string protectedValue, FieldBinding binding, [NotNullWhen(true)] out string? plaintext)
    {
        try
        {
            plaintext = Unprotect(protectedValue, binding);
            return true;
        }
        catch (CryptographicException)
        {
            plaintext = null;
            return false;
        }
    }

    /// <summary>True for a value of the earlier format, whose associated data was the field's purpose alone.</summary>
    public static bool IsLegacy(string? value) => value?.StartsWith(LegacyPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// For the start-up re-encryption: a value of the earlier format, decrypted with its former
    /// <paramref name="legacyPurpose"/> and encrypted again for <paramref name="binding"/>. Throws
    /// <see cref="CryptographicException"/> when it does not decrypt (another key, tampered).
    /// </summary>
    public string Rebind(string legacyValue, string legacyPurpose, FieldBinding binding)
    {
        if (!IsLegacy(legacyValue)) throw new CryptographicException("Not a field value of the earlier format.");
        return Protect(Open(legacyValue[LegacyPrefix.Length..], Encoding.UTF8.GetBytes(legacyPurpose)), binding);
    }

    private string Seal(string plaintext, byte[] associatedData)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associatedData);
        return Convert.ToBase64String(output);
    }

    private string Open(string base64, byte[] associatedData)
    {
        byte[] data;
        try
        {
            data = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("Malformed protected field value.", e);
        }
        if (data.Length < NonceSize + TagSize) throw new CryptographicException("Protected field value too short.");
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain, associatedData);
        return Encoding.UTF8.GetString(plain);
    }
}
