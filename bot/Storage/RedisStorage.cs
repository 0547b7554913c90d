using ChatAssistant.Adapters.Coordination;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// Bot.Builder <see cref="IStorage"/> on Redis with <see cref="MemoryStorage"/>'s semantics. Each item is a
/// hash { v: JSON, e: ETag } under KeyPrefix + "state:" + key, expiring after <see cref="RedisOptions.SessionTtl"/>
/// of idleness: every write sets the TTL in the same script, every read that finds the item starts it again.
/// </summary>
/// <remarks>
/// A batch is pipelined as one script per key (one round trip, and cluster-safe because no script touches
/// two keys). If one entry of a batch conflicts, the others are still written; MemoryStorage writes the
/// entries before the conflicting one only. Bot.Builder's BotState writes one key per call, so both agree there.
/// </remarks>
public sealed class RedisStorage : IBatchingStorage
{
    // Compare-and-set in one step on the server: no other client can write between the check and the write.
    // ARGV: 1 check ETag ("1"/"0"), 2 expected ETag, 3 new ETag ("" = none), 4 JSON, 5 TTL in ms.
    // Returns the stored ETag on a conflict, nil after writing.
    private const string WriteScript = """
        local current = redis.call('HGET', KEYS[1], 'e')
        if ARGV[1] == '1' and current and current ~= ARGV[2] then return current end
        redis.call('DEL', KEYS[1])
        if ARGV[3] == '' then
          redis.call('HSET', KEYS[1], 'v', ARGV[4])
        else
          redis.call('HSET', KEYS[1], 'v', ARGV[4], 'e', ARGV[3])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return false
        """;

    // Reading counts as activity: the idle period starts again, atomically with the read.
    private const string ReadScript = """
        local value = redis.call('HGET', KEYS[1], 'v')
        if value then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return value
        """;

    private readonly RedisKeyspace _keys;
    private IDatabase _db => _keys.Db;
    private readonly long _ttlMilliseconds;

    public RedisStorage(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _keys = new RedisKeyspace(redis, options.Value, RedisKeys.Sessions);
        _ttlMilliseconds = (long)options.Value.SessionTtl.TotalMilliseconds;
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
        ReadAsync(keys, null, cancellationToken);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, StoreBatch? batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        IDictionary<string, object> items = new Dictionary<string, object>(keys.Length);
        if (keys.Length == 0) return items;

        var reads = await Run((target, prefix) => keys.Select(key => target.ScriptEvaluateAsync(ReadScript, [prefix + key], [_ttlMilliseconds])), "read", cancellationToken, batch)
            .ConfigureAwait(false);

        for (var i = 0; i < keys.Length; i++)
        {
            var value = reads[i];
            if (!value.IsNull) items[keys[i]] = StoreItemJson.Read((string)value!);
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return;

        var writes = changes.Select(change => StoreItemJson.Prepare(change.Key, change.Value)).ToArray();
        var results = await Run((batch, prefix) => writes.Select(write => write.Json is null
            ? Deleted(batch.KeyDeleteAsync(prefix + write.Key))
            : batch.ScriptEvaluateAsync(WriteScript, [prefix + write.Key], Arguments(write))), "write", cancellationToken).ConfigureAwait(false);

        for (var i = 0; i < writes.Length; i++)
        {
            var current = results[i];
            if (!current.IsNull) throw StoreItemJson.Conflict(writes[i].ExpectedETag, (string?)current);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0) return;
        // One DEL per key rather than a multi-key DEL, which a Redis cluster refuses across slots.
        await Run((batch, prefix) => keys.Select(key => batch.KeyDeleteAsync(prefix + key)), "delete", cancellationToken).ConfigureAwait(false);
    }

    // A null value removes the item without any ETag check, as MemoryStorage stores null as "absent".
    private static async Task<RedisResult> Deleted(Task<bool> delete)
    {
        await delete.ConfigureAwait(false);
        return RedisResult.Create(RedisValue.Null);
    }

    private RedisValue[] Arguments(PreparedWrite write) =>
    [
        write.CheckETag ? "1" : "0",
        write.ExpectedETag ?? string.Empty,
        write.NewETag ?? string.Empty,
        write.Json,
        _ttlMilliseconds,
    ];

    // Sends the commands as one pipelined batch and waits for all of them: a batch of their own, or the request's
    // batch when the caller handed one (the turn's read ahead of a WeChat message's claim), where the keys need the
    // prefix added here. Outages (thrown when queuing as well as when awaiting) become
    // StorageUnavailableException, the store-neutral signal for a "busy" answer.
    private async Task<T[]> Run<T>(Func<IDatabaseAsync, string, IEnumerable<Task<T>>> commands, string what, CancellationToken cancellationToken, StoreBatch? requestBatch = null)
    {
        try
        {
            Task<T>[] tasks;
            var (joined, prefix, isJoined) = _keys.Target(requestBatch);
            if (isJoined)
            {
                tasks = commands(joined, prefix).ToArray();
            }
            else
            {
                var batch = _db.CreateBatch();
                tasks = commands(batch, string.Empty).ToArray();
                batch.Execute();
            }
            return await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            throw RedisFailures.Unavailable("session " + what, ex);
        }
    }
}
