using LiteDB;

namespace ChatAssistant.Booking.Door;

/// <summary>
/// A key that lets one screen show a studio's door codes. Only its SHA-256 hash is stored; the key itself is shown
/// once, when staff create it. Revoked keys stay listed (who revoked them, when) but open nothing.
/// </summary>
public sealed class DoorDisplayKey
{
    public int Id { get; set; }

    public int StudioId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key (unique index).</summary>
    public string Hash { get; set; } = "";

    /// <summary>Where the screen is, as staff name it ("一楼门口").</summary>
    public string Label { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"staff:&lt;id&gt;".</summary>
    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>When a screen last opened the page or fetched a code with it (to the nearest few minutes).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    [BsonIgnore]
    public bool Active => RevokedAt is null;
}
