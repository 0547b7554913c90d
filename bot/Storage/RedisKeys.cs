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
