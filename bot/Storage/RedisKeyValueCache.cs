using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary><see cref="IKeyValueCache"/> in Redis (KeyPrefix + "kv:"), shared by every instance.</summary>
public sealed class RedisKeyValueCache : IKeyValueCache
{
    // Each claim in turn. ARGV holds, per key: value, TTL in ms, "1"/"0" (same value counts) and the entry's field
    // ("" when the key stands alone). A lone key: SET NX PX. A grouped key: HSETNX on the group's hash, whose expiry
    // is then raised to the entry's TTL if it was shorter (never lowered). A key already there passes only with the
    // same value when the claim allows it. Returns how many were claimed.
    private const string ClaimScript = """
        for i = 1, #KEYS do
          local value, ttl, field = ARGV[4 * i - 3], ARGV[4 * i - 2], ARGV[4 * i]
          local claimed
          if field == '' then
            claimed = redis.call('SET', KEYS[i], value, 'NX', 'PX', ttl)
          else
            claimed = redis.call('HSETNX', KEYS[i], field, value) == 1
            if claimed and redis.call('PTTL', KEYS[i]) < tonumber(ttl) then redis.call('PEXPIRE', KEYS[i], ttl) end
          end
          if not claimed then
            if ARGV[4 * i - 1] ~= '1' then return i - 1 end
            local current
            if field == '' then current = redis.call('GET', KEYS[i]) else current = redis.call('HGET', KEYS[i], field) end
            if current ~= value then return i - 1 end
          end
        end
        return #KEYS
        """;

    // A grouped key's write: the entry is set (overwritten) and the group's expiry raised to its TTL if shorter.
    private const string PostScript = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        """;

    // A counter at the start of the value ("3" or "3|rest"): -1 absent or no count, 0 at the limit, 1 taken. SET with
    // KEEPTTL (Redis 6.0+) keeps the window the key stands for.
    private const string TakeScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then return -1 end
        local bar = string.find(v, '|', 1, true)
        local count = tonumber(bar and string.sub(v, 1, bar - 1) or v)
        if not count then return -1 end
        if count >= tonumber(ARGV[1]) then return 0 end
        redis.call('SET', KEYS[1], tostring(count + 1) .. (bar and string.sub(v, bar) or ''), 'KEEPTTL')
        return 1
        """;

    // A counter: one more, and the key's expiry set anew (INCR alone would leave a key made by it without one).
    private const string IncrementScript = """
        local n = redis.call('INCR', KEYS[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return n
        """;

    private readonly RedisKeyspace _keys;
    private IDatabase _db => _keys.Db;
    private readonly RedisTopology _topology;

    public RedisKeyValueCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _keys = new RedisKeyspace(redis, options.Value, RedisKeys.Cache);
        _topology = new RedisTopology(redis);
    }

    /// <summary>
    /// One script, one round trip (a WeChat message claims its replay key and its dedupe key together). Grouped keys
    /// (<see cref="CacheKey.Group"/>) are entries of one hash per group: under load Redis then holds a few hundred
    /// group keys instead of a key per message, and never has to grow its key table through millions of keys
    /// (docs/PERFORMANCE.md, step 33). On a cluster the keys may live on different servers, which one script cannot
    /// reach: there one script per key. (Hand-written: StackExchange.Redis has no conditional multi-key claim, and a
    /// MULTI cannot stop at the first refusal.)
    /// </summary>
    public async Task<int> ClaimInOrderAsync(IReadOnlyList<KeyClaim> claims, StoreBatch? batch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0) return 0;
        // One lone key outside a batch: SET NX as it is (and GET only when refused) costs Redis less than a script.
        if (batch is null && claims.Count == 1 && claims[0].Key.Group is null) return await KeyClaim.OneByOneAsync(this, claims, cancellationToken).ConfigureAwait(false);
        if (_topology.IsOneStandaloneServer()) return await ClaimAsync(claims, batch, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < claims.Count; i++)
            if (await ClaimAsync([claims[i]], null, cancellationToken).ConfigureAwait(false) == 0) return i;
        return claims.Count;
    }

    private Task<int> ClaimAsync(IReadOnlyList<KeyClaim> claims, StoreBatch? batch, CancellationToken cancellationToken)
    {
        var (target, prefix, _) = _keys.Target(batch);
        var keys = new RedisKey[claims.Count];
        var args = new RedisValue[claims.Count * 4];
        for (var i = 0; i < claims.Count; i++)
        {
            var key = claims[i].Key;
            keys[i] = prefix + (key.Group ?? key.Key);
            args[4 * i] = claims[i].Value;
            args[4 * i + 1] = (long)Positive(claims[i].Ttl).TotalMilliseconds;
            args[4 * i + 2] = claims[i].SameValueCounts ? "1" : "0";
            args[4 * i + 3] = key.Group is null ? "" : Field(key);
        }
        return Run(async () => (int)await target.ScriptEvaluateAsync(ClaimScript, keys, args).ConfigureAwait(false), "claim", cancellationToken);
    }

    /// <summary>
    /// On one standalone server, a batch that the claim here, the turn lock's attempt and the session read (which
    /// share this connection) can join when they are handed it (<see cref="RedisStoreBatch"/>). Elsewhere the keys
    /// may live on different servers, which run one request's commands in any order: null, each goes out as issued.
    /// </summary>
    public StoreBatch? BeginBatch() => _topology.IsOneStandaloneServer() ? _keys.BeginBatch() : null;

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

    public void PostGrouped(CacheKey key, string value, TimeSpan ttl)
    {
        if (key.Group is null) { Post(key.Key, value, ttl); return; }
        try
        {
            // Plain EVAL with the script's text, not EVALSHA: a fire-and-forget EVALSHA refused with NOSCRIPT (a
            // restarted Redis) would not be retried, and every remembered reply would be lost until a script call
            // that waits loaded it again.
            _db.Execute("EVAL", [PostScript, 1, (RedisKey)key.Group, Field(key), value, (long)Positive(ttl).TotalMilliseconds], CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisFailures.IsOutage(ex))
        {
            // Harmless by contract, as for Post.
        }
    }

    public async Task<string?> GetGroupedAsync(CacheKey key, CancellationToken cancellationToken = default) =>
        key.Group is null
            ? await GetAsync(key.Key, cancellationToken).ConfigureAwait(false)
            : await Run(() => _db.HashGetAsync(key.Group, Field(key)), "get", cancellationToken).ConfigureAwait(false);

    // A grouped key's field in its group's hash. Never empty: the claim script takes "" for a key without a group.
    private static string Field(CacheKey key) =>
        key.Key.Length > 0 ? key.Key : throw new ArgumentException("A grouped key needs a name within its group.", nameof(key));

    public async Task<bool?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var taken = await Run(async () => (int)await _db.ScriptEvaluateAsync(TakeScript, [(RedisKey)key], [limit]).ConfigureAwait(false), "take", cancellationToken).ConfigureAwait(false);
        return taken < 0 ? null : taken == 1;
    }

    /// <summary>
    /// One script, so the count and its expiry are one step: no key is left counting for ever if the connection drops
    /// between the two. Joins <paramref name="batch"/> (a WeChat message's claim) on one standalone server.
    /// </summary>
    public Task<long> IncrementAsync(string key, TimeSpan ttl, StoreBatch? batch = null, CancellationToken cancellationToken = default)
    {
        var (target, prefix, _) = _keys.Target(batch);
        var args = new RedisValue[] { (long)Positive(ttl).TotalMilliseconds };
        return Run(async () => (long)await target.ScriptEvaluateAsync(IncrementScript, [(RedisKey)(prefix + key)], args).ConfigureAwait(false), "increment", cancellationToken);
    }

    /// <summary>Every instance sharing this Redis and key prefix sees the same keys.</summary>
    public bool IsShared => true;

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
