using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// WeChat's request signatures: SHA-1 over the sorted, concatenated parts, lower-case hex.
/// <c>signature</c> covers token, timestamp and nonce; <c>msg_signature</c> adds the <c>Encrypt</c> text.
/// </summary>
/// <remarks>
/// Hand-written because no package our registry serves implements WeChat's scheme: the Senparc.Weixin
/// packages (the usual .NET SDK) are not served, and neither is any other WeChat SDK.
/// SHA-1 is WeChat's choice, not ours; it is used here only to match their signature.
/// </remarks>
public static class WeChatSignature
{
    /// <summary>Computes the signature of <paramref name="parts"/> (sorted ordinally, as WeChat does).</summary>
    public static string Compute(params string[] parts)
    {
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// True when <paramref name="given"/> is the signature of <paramref name="parts"/> written as WeChat writes it: 40
    /// lower-case hex digits, compared in constant time. Another spelling of the same bytes (a letter upper-cased) is
    /// refused, not accepted: keys built from a signature (the replay key) must see one spelling per signature.
    /// </summary>
    public static bool Verify(string? given, params string[] parts)
    {
        if (!IsCanonical(given)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(given);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>True for exactly 40 lower-case hex digits, the only form WeChat sends.</summary>
    public static bool IsCanonical([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? signature)
    {
        if (signature is null || signature.Length != 40) return false;
        foreach (var c in signature)
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        return true;
    }
}
