using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Booking.Door.Postgres;

/// <summary>The door screens' display keys in PostgreSQL (<c>door_display_keys</c>, migration 0002), stored as hashes.</summary>
public sealed class PostgresDoorKeyStore(PostgresRecords records, TimeProvider time) : IDoorKeyStore
{
    private const string Columns =
        "id AS Id, studio_id AS StudioId, hash AS Hash, label AS Label, created_at AS CreatedAt, created_by AS CreatedBy, " +
        "revoked_at AS RevokedAt, revoked_by AS RevokedBy, last_used_at AS LastUsedAt";

    /// <summary>How <c>records copy</c> moves display keys (ids kept).</summary>
    public static RecordsTableCopy<DoorDisplayKey> Copy() => new(
        "door_display_keys",
        "INSERT INTO door_display_keys (id, studio_id, hash, label, created_at, created_by, revoked_at, revoked_by, last_used_at) " +
        "VALUES (@Id, @StudioId, @Hash, @Label, @CreatedAt, @CreatedBy, @RevokedAt, @RevokedBy, @LastUsedAt)",
        k => new { k.Id, k.StudioId, k.Hash, k.Label, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy, k.LastUsedAt },
        (c, t) => c.Query<DoorDisplayKey>($"SELECT {Columns} FROM door_display_keys ORDER BY id", transaction: t),
        identity: true);

    public (DoorDisplayKey Record, string Key) Create(int studioId, string label, string by)
    {
        var key = DoorKeys.NewKey();
        var record = new DoorDisplayKey { StudioId = studioId, Hash = DoorKeys.HashOf(key), Label = label, CreatedAt = time.GetUtcNow(), CreatedBy = by };
        record.Id = records.Use((c, t) => c.ExecuteScalar<int>(
            "INSERT INTO door_display_keys (studio_id, hash, label, created_at, created_by) VALUES (@StudioId, @Hash, @Label, @CreatedAt, @CreatedBy) RETURNING id",
            record, t));
        return (record, key);
    }

    public IReadOnlyList<DoorDisplayKey> OfStudio(int studioId) => records.Use((c, t) =>
        c.Query<DoorDisplayKey>($"SELECT {Columns} FROM door_display_keys WHERE studio_id = @studioId ORDER BY id DESC", new { studioId }, t).AsList());

    public bool Revoke(int studioId, int id, string by) => records.Use((c, t) => c.Execute(
        "UPDATE door_display_keys SET revoked_at = @at, revoked_by = @by WHERE id = @id AND studio_id = @studioId AND revoked_at IS NULL",
        new { at = time.GetUtcNow(), by, id, studioId }, t)) == 1;

    public DoorDisplayKey? Find(int studioId, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > DoorKeys.MaxKeyLength) return null;
        var found = records.Use((c, t) => c.QuerySingleOrDefault<DoorDisplayKey>($"SELECT {Columns} FROM door_display_keys WHERE hash = @hash",
            new { hash = DoorKeys.HashOf(key) }, t));
        if (found is null || found.StudioId != studioId || !found.Active) return null;
        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } used || now - used >= DoorKeys.UseGranularity)
        {
            found.LastUsedAt = now;
            records.Use((c, t) => c.Execute("UPDATE door_display_keys SET last_used_at = @now WHERE id = @id", new { now, id = found.Id }, t));
        }
        return found;
    }
}
