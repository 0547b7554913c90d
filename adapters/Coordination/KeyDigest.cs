using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// What stands for a personal value (a visitor's id, a network address, a staff name) in a shared key or a record
/// that must not hold it in clear: the first 16 hex digits of its SHA-256.
/// </summary>
public static class KeyDigest
{
    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
