using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary><see cref="IKeyValueCache"/> in Redis (KeyPrefix + "kv:"), shared by every instance.</summary>
public sealed class RedisKeyValueCache : IKeyValueCache
{
    private readonly IDatabase _db;

    public RedisKeyValueCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = RedisKeys.Database(redis, options.Value, RedisKeys.Cache);
    }

    public Task<bool> AddIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Run(() => _db.StringSetAsync(key, value, Positive(ttl), When.NotExists), "add", cancellationToken);

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        await Run(() => _db.StringGetAsync(key), "get", cancellationToken).ConfigureAwait(false);

    public Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        Run(() => _db.StringSetAsync(key, value, Positive(ttl)), "set", cancellationToken);

    public void Post(string key, string value, TimeSpan ttl)
    {
        try
        {
            // Fire-and-forget: written to the connection now, the answer is read and dropped; no task completes.
            _db.StringSet(key, value, Positive(ttl), flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            // Harmless by contract: the key is simply not there.
        }
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        Run(() => _db.KeyDeleteAsync(key), "remove", cancellationToken);

    // Redis refuses a zero or negative expiry; a key that must never live is a caller bug.
    private static TimeSpan Positive(TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1));
        return ttl;
    }

    // StackExchange.Redis may throw an outage while queuing a command as well as when it completes.
    private static async Task<T> Run<T>(Func<Task<T>> command, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await command().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            throw RedisFailures.Unavailable("cache " + what, ex);
        }
    }
}
