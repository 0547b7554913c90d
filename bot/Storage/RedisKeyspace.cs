using ChatAssistant.Adapters.Coordination;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// One store's key space: its key-prefixed database view, and where one of its commands goes — a request's
/// <see cref="RedisStoreBatch"/> on this connection, when the caller handed it one that is not sent yet (with the
/// prefix the store must add there), or the view itself.
/// </summary>
internal sealed class RedisKeyspace(IConnectionMultiplexer redis, RedisOptions options, string space)
{
    private readonly string _prefix = options.KeyPrefix + space;

    public IDatabase Db { get; } = RedisKeys.Database(redis, options, space);

    public (IDatabaseAsync Target, string Prefix, bool Joined) Target(StoreBatch? batch) =>
        batch is RedisStoreBatch { IsSent: false } joined && ReferenceEquals(joined.Redis, redis)
            ? (joined.Batch, _prefix, true)
            : (Db, string.Empty, false);

    /// <summary>A batch on this key space's connection (shared by every store on it).</summary>
    public StoreBatch BeginBatch() => new RedisStoreBatch(redis);
}
