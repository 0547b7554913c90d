using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.Booking.Door.LiteDb;

/// <summary>The door screens' display keys in LiteDB (collection <c>door_display_keys</c>), stored as hashes.</summary>
public sealed class LiteDoorKeyStore : IDoorKeyStore
{
    public const string Collection = "door_display_keys";

    private readonly ILiteCollection<DoorDisplayKey> _keys;
    private readonly TimeProvider _time;

    public LiteDoorKeyStore(ILiteDatabase db, TimeProvider time)
    {
        _time = time;
        _keys = db.GetCollection<DoorDisplayKey>(Collection);
        _keys.EnsureIndex(k => k.Hash, unique: true);
        _keys.EnsureIndex(k => k.StudioId);
    }

    /// <summary>Makes a key for a studio's screen; the key is returned once and only its hash is kept.</summary>
    public (DoorDisplayKey Record, string Key) Create(int studioId, string label, string by)
    {
        var key = DoorKeys.NewKey();
        var record = new DoorDisplayKey { StudioId = studioId, Hash = DoorKeys.HashOf(key), Label = label, CreatedAt = _time.GetUtcNow(), CreatedBy = by };
        _keys.Insert(record);
        return (record, key);
    }

    /// <summary>A studio's keys, newest first.</summary>
    public IReadOnlyList<DoorDisplayKey> OfStudio(int studioId) =>
        _keys.FindWhere(LiteQuery.Is(nameof(DoorDisplayKey.StudioId), studioId)).OrderByDescending(k => k.Id).ToList();

    /// <summary>Revokes a studio's key; false when there is no such active key.</summary>
    public bool Revoke(int studioId, int id, string by)
    {
        var key = _keys.FindById(id);
        if (key is null || key.StudioId != studioId || !key.Active) return false;
        key.RevokedAt = _time.GetUtcNow();
        key.RevokedBy = by;
        return _keys.Update(key);
    }

    /// <summary>The active key of <paramref name="studioId"/> that <paramref name="key"/> is, noting its use; null for anything else.</summary>
    public DoorDisplayKey? Find(int studioId, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > DoorKeys.MaxKeyLength) return null;
        var found = _keys.FindOneWhere(LiteQuery.Is(nameof(DoorDisplayKey.Hash), DoorKeys.HashOf(key)));
        if (found is null || found.StudioId != studioId || !found.Active) return null;
        var now = _time.GetUtcNow();
        if (found.LastUsedAt is not { } used || now - used >= DoorKeys.UseGranularity)
        {
            found.LastUsedAt = now;
            _keys.Update(found);
        }
        return found;
    }
}
