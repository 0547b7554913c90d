using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Tests.Security;

/// <summary>
/// Writes field values the way the version before record binding did (FieldCipher at 7834482):
/// "v1." + base64(nonce ‖ tag ‖ ciphertext), AES-256-GCM with the field's purpose alone as associated data.
/// Test-only, to build records files of that version.
/// </summary>
internal static class LegacyFieldWriter
{
    public static string Protect(byte[] key, string plaintext, string purpose)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16), Encoding.UTF8.GetBytes(purpose));
        return "v1." + Convert.ToBase64String(output);
    }
}
