using ChatAssistant.Adapters.Coordination;
using StackExchange.Redis;

namespace ChatAssistant.Conversation;

/// <summary>Tells outages of the stores (Redis down or slow, the PostgreSQL records unreachable) from bugs.</summary>
public static class StoreFailures
{
    /// <summary>True when <paramref name="exception"/> (or an inner one) is a store outage, not a bug.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The stores wrap every outage in StorageUnavailableException; Redis's own two are what a command
            // outside a store (Bot.Builder's, a script of ours) raises for the same outage.
            if (e is StorageUnavailableException or RedisConnectionException or RedisTimeoutException) return true;
            if (ChatAssistant.Storage.RecordsFailures.IsOutage(e)) return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }
}
