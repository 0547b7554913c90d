using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Identity;

/// <summary>
/// How binding codes are stored: HMAC-SHA256 under the server's code secret, so the records file alone does not
/// reveal them (8 digits are 10^8 guesses: a plain hash of every one takes seconds). The secret is read on first use.
/// </summary>
public sealed class BindingCodeHasher(Func<byte[]> loadSecret)
{
    /// <summary>The scheme of codes issued by this version (<see cref="BindingCode.Scheme"/>).</summary>
    public const int HmacScheme = 1;

    private readonly Lazy<byte[]> _secret = new(loadSecret);

    /// <summary>The stored form of <paramref name="code"/> (8 ASCII digits).</summary>
    public string Hash(string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret.Value, Encoding.UTF8.GetBytes("binding:" + code)));

    /// <summary>How versions before the secret stored a code (plain SHA-256): only to recognise such a code and refuse it.</summary>
    public static string LegacyHash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("binding:" + code)));
}
