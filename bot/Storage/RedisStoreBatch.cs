using ChatAssistant.Adapters.Coordination;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// A <see cref="StoreBatch"/> on one Redis connection: a StackExchange.Redis <see cref="IBatch"/> that the cache, the
/// lock and the session store issue into when they are handed it (each adding its key prefix itself: the
/// key-prefixed database views cannot wrap a batch), written when it is sent. A WeChat message's claim, its turn's
/// lock attempt and its session read leave this way in one write instead of two or three, each a wake-up of Redis,
/// of the connection's reader and of a thread-pool worker (docs/PERFORMANCE.md, step 29).
/// </summary>
/// <remarks>
/// Hand-written because StackExchange.Redis batches per <see cref="IBatch"/> object only. A command is issued into
/// the batch by the request's own flow, one after the other: one issued by another thread while the batch is being
/// sent could miss it and never be sent, so a batch is not for parallel work.
/// </remarks>
internal sealed class RedisStoreBatch(IConnectionMultiplexer redis) : StoreBatch
{
    /// <summary>The connection whose stores may join the batch.</summary>
    public IConnectionMultiplexer Redis { get; } = redis;

    /// <summary>Where joined commands are issued.</summary>
    public IBatch Batch { get; } = redis.GetDatabase().CreateBatch();

    protected override void SendCore()
    {
        try
        {
            Batch.Execute();
        }
        catch (RedisConnectionException)
        {
            // No connection to write to (it dropped after the batch began). StackExchange.Redis has already failed
            // every command of the batch, so each store sees the outage through its own task and answers it as
            // usual; throwing here would skip that and surface as a bare 500.
        }
    }
}
