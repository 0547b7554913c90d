using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace ChatAssistant.Storage;

/// <summary>The key spaces this application uses inside its <see cref="RedisOptions.KeyPrefix"/>.</summary>
internal static class RedisKeys
{
    public const string Sessions = "state:";
    public const string Cache = "kv:";
    public const string Locks = "lock:";

    /// <summary>A database view that prefixes every key (scripts' KEYS included) with the app prefix and <paramref name="space"/>.</summary>
    public static IDatabase Database(IConnectionMultiplexer redis, RedisOptions options, string space) =>
        redis.GetDatabase().WithKeyPrefix(options.KeyPrefix + space);
}

/// <summary>
/// One store's key space: its key-prefixed database view, and where a command of the current request goes — the
/// request's send-together batch (<see cref="RedisSendTogether"/>), with the prefix the store must add there, or
/// the view itself.
/// </summary>
internal sealed class RedisKeyspace(IConnectionMultiplexer redis, RedisOptions options, string space)
{
    private readonly string _prefix = options.KeyPrefix + space;

    public IDatabase Db { get; } = RedisKeys.Database(redis, options, space);

    public (IDatabaseAsync Target, string Prefix, bool Joined) Target() => RedisSendTogether.Join(redis, Db, _prefix);

    /// <summary>Opens a send-together scope on this key space's connection (shared by every store on it).</summary>
    public IDisposable SendTogether() => RedisSendTogether.Open(redis);
}
