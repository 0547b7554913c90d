using System.Security.Cryptography;

namespace ChatAssistant.Security;

/// <summary>
/// Re-encrypts values of the earlier format ("v1.", bound to the field alone) for their record, and counts what it
/// did. A value that does not decrypt with the configured key is kept as it was and counted as failed.
/// </summary>
public sealed class LegacyFieldRebinder(FieldCipher cipher)
{
    /// <summary>Values re-encrypted so far.</summary>
    public int Rebound { get; private set; }

    /// <summary>Values of the earlier format that did not decrypt (another key, tampered with).</summary>
    public int Failed { get; private set; }

    /// <summary>
    /// The value re-encrypted for <paramref name="binding"/> when it is of the earlier format (made for
    /// <paramref name="legacyPurpose"/>); otherwise, or when it does not decrypt, the value unchanged.
    /// </summary>
    public string? Rebind(string? value, string legacyPurpose, FieldBinding binding)
    {
        if (!FieldCipher.IsLegacy(value)) return value;
        try
        {
            var rebound = cipher.Rebind(value!, legacyPurpose, binding);
            Rebound++;
            return rebound;
        }
        catch (CryptographicException)
        {
            Failed++;
            return value;
        }
    }
}
