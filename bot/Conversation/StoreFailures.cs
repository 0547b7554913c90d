namespace ChatAssistant.Conversation;

/// <summary>Tells outages of the session store (Redis down or slow) from bugs.</summary>
public static class StoreFailures
{
    private static readonly HashSet<string> TransientTypes =
    [
        "StackExchange.Redis.RedisConnectionException",
        "StackExchange.Redis.RedisTimeoutException",
        "ChatAssistant.Storage.StorageUnavailableException",
    ];

    /// <summary>True when <paramref name="exception"/> (or an inner one) is a store outage, not a bug.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (TransientTypes.Contains(e.GetType().FullName ?? "")) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }
}
