using System.Security.Cryptography;
using System.Text;

namespace ChatAssistant.Booking.Door;

/// <summary>How a door screen's display key is made and kept (as a hash), whatever store holds it.</summary>
public static class DoorKeys
{
    /// <summary>The longest a key may be; anything longer is not ours and is not hashed.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>A screen polls every minute: its last use is written at most this often.</summary>
    public static readonly TimeSpan UseGranularity = TimeSpan.FromMinutes(10);

    /// <summary>256 random bits, URL-safe: guessing is hopeless, so a fast hash is enough.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
