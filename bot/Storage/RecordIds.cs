using System.Globalization;
using System.Security.Cryptography;

namespace ChatAssistant.Storage;

/// <summary>
/// Ids of records whose LiteDB versions were named by an <c>ObjectId</c> (audit lines, alerts, staff tokens): on
/// PostgreSQL, 24 hex digits of the same shape — the time in seconds first, so they sort as they were made, then eight
/// random bytes — and the LiteDB ids, as text, stay valid when copied.
/// </summary>
public static class RecordIds
{
    public static string New(DateTimeOffset at) =>
        ((uint)at.ToUnixTimeSeconds()).ToString("x8", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
