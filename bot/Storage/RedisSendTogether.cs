using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// Holds the Redis commands one request issues while a scope is open and sends them as one batch when it is
/// disposed: one socket write, which Redis reads in one go and answers in one go. A WeChat message opens one
/// around its replay and dedupe claim and the turn's lock attempt and state read, which come from three stores;
/// written one by one they left in two or three writes, each a wake-up of Redis, of the connection's reader and
/// of a thread-pool worker (docs/PERFORMANCE.md, step 29).
/// </summary>
/// <remarks>
/// Hand-written because StackExchange.Redis batches per <see cref="IBatch"/> object only, and the key-prefixed
/// database views the stores use (<see cref="RedisKeys.Database"/>) cannot wrap a batch: a store that joins the
/// open batch prefixes its keys itself (<see cref="Join"/>). A command issued into the batch must not be waited
/// for before the scope is disposed (it has not been sent); the stores only await asynchronously, and the scope's
/// owner disposes it on its synchronous path, before its own first wait. Commands are issued into the scope by
/// its own flow, one after the other: one issued by another thread while the scope is being sent could miss the
/// batch and never be sent, so the scope is not for parallel work.
/// </remarks>
internal static class RedisSendTogether
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Opens a scope on <paramref name="redis"/> for this request's flow; disposing it sends what was issued.</summary>
    public static IDisposable Open(IConnectionMultiplexer redis)
    {
        var scope = new Scope(redis, redis.GetDatabase().CreateBatch(), Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>
    /// Where a store issues a command: the open batch (and the prefix its keys need there) or, outside a scope,
    /// its own key-prefixed database (no prefix to add).
    /// </summary>
    public static (IDatabaseAsync Target, string Prefix, bool Joined) Join(IConnectionMultiplexer redis, IDatabase own, string prefix) =>
        Current.Value is { Sent: false } scope && ReferenceEquals(scope.Redis, redis) ? (scope.Batch, prefix, true) : (own, string.Empty, false);

    private sealed class Scope(IConnectionMultiplexer redis, IBatch batch, Scope? outer) : IDisposable
    {
        private int _sent;

        public IConnectionMultiplexer Redis { get; } = redis;
        public IBatch Batch { get; } = batch;
        public bool Sent => Volatile.Read(ref _sent) == 1;

        public void Dispose()
        {
            try
            {
                if (Interlocked.Exchange(ref _sent, 1) == 0) Batch.Execute();
            }
            catch (RedisConnectionException)
            {
                // No connection to write to (it dropped after the scope opened). StackExchange.Redis has already
                // failed every command of the batch, so each store sees the outage through its own task and
                // answers it as usual; throwing here would skip that and surface as a bare 500.
            }
            finally
            {
                if (ReferenceEquals(Current.Value, this)) Current.Value = outer; // a scope opened inside another gives it back
            }
        }
    }
}
