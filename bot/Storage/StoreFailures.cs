using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Tells a passing store outage (answer "busy", retry later) from a bug (log and apologise).</summary>
public static class StoreFailures
{
    /// <summary>
    /// True when <paramref name="exception"/>, or any exception it wraps, means the store is down or slow:
    /// <see cref="StorageUnavailableException"/>, or StackExchange.Redis' connection and timeout errors.
    /// </summary>
    public static bool IsTransientStoreFailure(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            if (exception is StorageUnavailableException || IsRedisOutage(exception)) return true;
            if (exception is AggregateException aggregate)
                return aggregate.InnerExceptions.Any(IsTransientStoreFailure);
            exception = exception.InnerException;
        }
        return false;
    }

    /// <summary>True for the errors StackExchange.Redis raises when the server cannot be reached in time.</summary>
    internal static bool IsRedisOutage(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException;

    /// <summary>Wraps a Redis outage into the store-neutral exception the turn-error handler looks for.</summary>
    internal static StorageUnavailableException Unavailable(string what, Exception exception) =>
        new($"Redis is unavailable: {what} failed.", exception);
}
