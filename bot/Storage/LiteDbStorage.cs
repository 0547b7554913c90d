using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Storage;

/// <summary>
/// The embedded session store (no Redis configured): Bot.Builder <see cref="IStorage"/> with
/// <see cref="MemoryStorage"/>'s semantics in the application's LiteDB file, so sessions survive a restart.
/// Sessions expire after an idle period like in Redis: each document carries its expiry ("x", Unix ms), every read or
/// write moves it on, expired documents count as absent and are swept from time to time.
/// </summary>
/// <remarks>
/// LiteDB is synchronous: every call runs synchronously inside one lock per database (LiteDB takes its
/// write lock at the first write, so two transactions could both pass the same old ETag check), with a transaction so that a
/// batch is written whole or not at all. No await happens while either is held.
/// </remarks>
public sealed class LiteDbStorage : IStorage
{
    /// <summary>The LiteDB collection holding the sessions.</summary>
    public const string CollectionName = "sessions";

    private const int SweepEveryWrites = 200;
    private static readonly ConditionalWeakTable<ILiteDatabase, object> Gates = new();

    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _sessions;
    private readonly TimeSpan _idleTtl;
    private readonly TimeProvider _time;
    private readonly object _gate;
    private int _writesSinceSweep;

    public LiteDbStorage(ILiteDatabase database, TimeSpan idleTtl, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTtl, TimeSpan.Zero);
        _db = database;
        _idleTtl = idleTtl;
        _time = time;
        _gate = Gates.GetValue(database, _ => new object());
        _sessions = database.GetCollection(CollectionName);
        _sessions.EnsureIndex("x");
        SweepExpired();
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length);
        lock (_gate)
        {
            var now = Now();
            InTransaction(() =>
            {
                foreach (var key in keys)
                {
                    var doc = Live(key, now);
                    if (doc is null) continue;
                    // Reading counts as activity: the idle period starts again.
                    doc["x"] = now + IdleMs;
                    _sessions.Update(doc);
                    items[key] = StoreItemJson.Read(doc["v"].AsString);
                }
            });
        }
        return Task.FromResult<IDictionary<string, object>>(items);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writes = changes.Select(change => StoreItemJson.Prepare(change.Key, change.Value)).ToArray();
        lock (_gate)
        {
            var now = Now();
            InTransaction(() =>
            {
                foreach (var write in writes)
                {
                    var stored = Live(write.Key, now);
                    var storedETag = stored?["e"] is { IsString: true } e ? e.AsString : null;
                    // Throwing rolls the whole batch back.
                    if (StoreItemJson.Conflicts(write, storedETag)) throw StoreItemJson.Conflict(write.ExpectedETag, storedETag);
                    if (write.Json is null) { _sessions.Delete(Id(write.Key)); continue; }
                    _sessions.Upsert(new BsonDocument
                    {
                        ["_id"] = Id(write.Key),
                        ["v"] = write.Json,
                        ["e"] = write.NewETag is null ? BsonValue.Null : new BsonValue(write.NewETag),
                        ["x"] = now + IdleMs,
                    });
                }
            });
            _writesSinceSweep += writes.Length;
            if (_writesSinceSweep >= SweepEveryWrites) SweepExpired();
        }
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            InTransaction(() =>
            {
                foreach (var key in keys) _sessions.Delete(Id(key));
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>Removes every expired session; returns how many. Runs at start and every few hundred writes.</summary>
    public int SweepExpired()
    {
        lock (_gate)
        {
            _writesSinceSweep = 0;
            return _sessions.DeleteMany(Query.LT("x", Now()));
        }
    }

    private BsonDocument? Live(string key, long now)
    {
        var doc = _sessions.FindById(Id(key));
        return doc is not null && doc["x"].AsInt64 > now ? doc : null;
    }

    private long IdleMs => (long)_idleTtl.TotalMilliseconds;

    private void InTransaction(Action work) => LiteTransaction.Run(_db, work);

    // Expiry is kept as Unix milliseconds: LiteDB hands DateTime back in local time, a trap for comparisons.
    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Keys may be any text of any length; LiteDB index keys are limited to ~1 KB, so the id is a hash.
    private static string Id(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
