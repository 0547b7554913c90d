using ChatAssistant.Storage;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>Which failures the turn-error handler answers with the busy message.</summary>
public sealed class StoreFailuresTests
{
    [Fact]
    public void StoreOutages_AreTransient_EvenWhenWrapped()
    {
        var connection = new RedisConnectionException(ConnectionFailureType.SocketFailure, "down");
        var timeout = new RedisTimeoutException("slow", CommandStatus.Sent);
        Assert.True(StoreFailures.IsTransientStoreFailure(connection));
        Assert.True(StoreFailures.IsTransientStoreFailure(timeout));
        Assert.True(StoreFailures.IsTransientStoreFailure(new StorageUnavailableException("x", connection)));
        Assert.True(StoreFailures.IsTransientStoreFailure(new InvalidOperationException("turn failed", timeout)));
        Assert.True(StoreFailures.IsTransientStoreFailure(new AggregateException(new ArgumentException("a"), connection)));
    }

    [Fact]
    public void OtherFailures_AreNotTransient()
    {
        Assert.False(StoreFailures.IsTransientStoreFailure(null));
        Assert.False(StoreFailures.IsTransientStoreFailure(new InvalidOperationException("bug")));
        Assert.False(StoreFailures.IsTransientStoreFailure(new ArgumentException("Etag conflict.")));
        Assert.False(StoreFailures.IsTransientStoreFailure(new RedisServerException("ERR wrong script")));
        Assert.False(StoreFailures.IsTransientStoreFailure(new TimeoutException("not a store")));
    }

    [Fact]
    public void BusyText_IsTheShortChineseAnswer()
    {
        Assert.StartsWith("系统繁忙，请稍后再试", StorageTexts.Busy);
    }
}
