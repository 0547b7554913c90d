using ChatAssistant.Adapters.Coordination;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// Turns Redis outages into <see cref="StorageUnavailableException"/>, which the turn-error handler
/// (ChatAssistant.Conversation.StoreFailures.IsTransient) and the WeChat intake answer with the short busy message.
/// </summary>
internal static class RedisFailures
{
    /// <summary>True for the errors StackExchange.Redis raises when the server cannot be reached in time.</summary>
    public static bool IsOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException;

    /// <summary>Wraps a Redis outage into the store-neutral exception.</summary>
    public static StorageUnavailableException Unavailable(string what, Exception exception) =>
        new($"Redis is unavailable: {what} failed.", exception);
}
