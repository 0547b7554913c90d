using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// <see cref="IClusterSignals"/> over Redis pub/sub, channel KeyPrefix + "signal:" + topic. Each message carries the
/// sending instance's id, so an instance skips its own. The multiplexer subscribes again by itself after a
/// reconnection; what was broadcast while the link was down is lost, which signals allow (they are hints).
/// </summary>
public sealed class RedisClusterSignals(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisClusterSignals> log) : IClusterSignals
{
    private const char Separator = '|';

    /// <summary>This instance's id in its messages.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public void Broadcast(string topic, string payload)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel(topic), InstanceId + Separator + payload, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // A hint lost: the other instances' consoles catch up on their next load.
            log.LogWarning(e, "Signal {Topic} not sent: Redis unavailable", topic);
        }
    }

    public void Subscribe(string topic, Action<string> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        // Asynchronous so that a Redis down at start-up does not stop it: the multiplexer keeps the subscription and
        // makes it on the server once connected.
        _ = redis.GetSubscriber().SubscribeAsync(Channel(topic), (_, message) =>
        {
            var text = (string?)message;
            if (text is null) return;
            var cut = text.IndexOf(Separator, StringComparison.Ordinal);
            if (cut < 0 || text.AsSpan(0, cut).SequenceEqual(InstanceId)) return;
            try
            {
                handler(text[(cut + 1)..]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Signal {Topic} from another instance failed here", topic);
            }
        }).ContinueWith(t => log.LogWarning(t.Exception, "Subscribing to signal {Topic} waits for Redis", topic), TaskContinuationOptions.OnlyOnFaulted);
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal(options.Value.KeyPrefix + "signal:" + topic);
}
