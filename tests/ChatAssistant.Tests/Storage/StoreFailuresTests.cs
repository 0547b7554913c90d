using ChatAssistant.Conversation;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Storage;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>The failures the stores raise are the ones the turn-error handler answers with the busy message.</summary>
public sealed class StoreFailuresTests
{
    [Fact]
    public void StoreOutages_AreTransient_EvenWhenWrapped()
    {
        var connection = new RedisConnectionException(ConnectionFailureType.SocketFailure, "down");
        var timeout = new RedisTimeoutException("slow", CommandStatus.Sent);
        Assert.True(StoreFailures.IsTransient(connection));
        Assert.True(StoreFailures.IsTransient(timeout));
        Assert.True(StoreFailures.IsTransient(new StorageUnavailableException("x", connection)));
        Assert.True(StoreFailures.IsTransient(new InvalidOperationException("turn failed", timeout)));
        Assert.True(StoreFailures.IsTransient(new AggregateException(new ArgumentException("a"), connection)));
        // The records on PostgreSQL: unreachable at start of a call, or the connection broken in it.
        Assert.True(StoreFailures.IsTransient(new RecordsDatabaseUnavailableException("Records:ConnectionString cannot be used")));
        Assert.True(StoreFailures.IsTransient(new InvalidOperationException("turn failed", new Npgsql.NpgsqlException("broken", new System.Net.Sockets.SocketException()))));
    }

    [Fact]
    public void OtherFailures_AreNotTransient()
    {
        Assert.False(StoreFailures.IsTransient(null));
        Assert.False(StoreFailures.IsTransient(new InvalidOperationException("bug")));
        Assert.False(StoreFailures.IsTransient(new ArgumentException("Etag conflict.")));
        Assert.False(StoreFailures.IsTransient(new RedisServerException("ERR wrong script")));
        Assert.False(StoreFailures.IsTransient(new TimeoutException("not a store")));
        // A statement PostgreSQL refused (a constraint, a bug in the SQL) is no outage.
        Assert.False(StoreFailures.IsTransient(new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
    }
}
