using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ChatAssistant.Storage;

/// <summary>
/// Ids of records whose LiteDB versions were named by an <c>ObjectId</c> (escalations and their transcript lines, audit
/// lines, alerts, staff tokens): 24 hex digits of the same shape on both providers, so a LiteDB id, as text, stays valid
/// when copied. The time in seconds comes first, so ids sort as they were made; then five bytes drawn once per process
/// and a three-byte counter, so the ids one process makes within a second still sort in the order it made them (two
/// transcript lines written at the same instant keep their order), and two instances never make the same id.
/// </summary>
/// <remarks>Written here rather than taken from LiteDB's <c>ObjectId</c>: the records' types must not depend on LiteDB.</remarks>
public static class RecordIds
{
    private static readonly byte[] Process = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0x100_0000);

    public static string New(DateTimeOffset at)
    {
        Span<byte> id = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(id, (uint)at.ToUnixTimeSeconds());
        Process.CopyTo(id[4..]);
        var count = Interlocked.Increment(ref _counter) & 0xFF_FFFF;
        id[9] = (byte)(count >> 16);
        id[10] = (byte)(count >> 8);
        id[11] = (byte)count;
        return Convert.ToHexStringLower(id);
    }

    /// <summary>
    /// A new record's id, made now by the machine's clock: the time in it only orders ids and is never read as the
    /// record's time (which comes from the injected clock).
    /// </summary>
    public static string Next() => New(DateTimeOffset.UtcNow);

    /// <summary>
    /// Whether <paramref name="id"/> has the shape of an id (24 lower-case hex digits, as every id is written): what an
    /// id from a URL or a command line must be. Upper case is refused, not read as the same id: a transcript line is
    /// sealed bound to its escalation's id as text, and PostgreSQL compares ids as text.
    /// </summary>
    public static bool IsWellFormed(string? id) => id is { Length: 24 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
