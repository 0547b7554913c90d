using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Storage;

/// <summary>The contract suite on <see cref="RedisStorage"/> against a real redis-server.</summary>
public sealed class RedisStorageContractTests(RedisServer redis) : StorageContractTests, IClassFixture<RedisServer>, IDisposable
{
    private ConnectionMultiplexer? _connection;

    protected override IStorage CreateStorage()
    {
        redis.Require();
        _connection = redis.Connect();
        return new RedisStorage(_connection, Options.Create(new RedisOptions { KeyPrefix = RedisServer.UniquePrefix() }));
    }

    public void Dispose() => _connection?.Dispose();
}
