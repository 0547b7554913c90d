namespace ChatAssistant.Booking.Door;

/// <summary>
/// The door screens' display keys, stored as hashes (<see cref="DoorKeys"/>; LiteDB:
/// <see cref="LiteDb.LiteDoorKeyStore"/>, PostgreSQL: <see cref="Postgres.PostgresDoorKeyStore"/>).
/// </summary>
public interface IDoorKeyStore
{
    /// <summary>Makes a key for a studio's screen; the key is returned once and only its hash is kept.</summary>
    (DoorDisplayKey Record, string Key) Create(int studioId, string label, string by);

    /// <summary>A studio's keys, newest first.</summary>
    IReadOnlyList<DoorDisplayKey> OfStudio(int studioId);

    /// <summary>Revokes a studio's key; false when there is no such active key.</summary>
    bool Revoke(int studioId, int id, string by);

    /// <summary>The active key of <paramref name="studioId"/> that <paramref name="key"/> is, noting its use; null for anything else.</summary>
    DoorDisplayKey? Find(int studioId, string? key);
}
