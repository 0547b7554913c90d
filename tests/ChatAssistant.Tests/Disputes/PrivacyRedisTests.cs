using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using StackExchange.Redis;

namespace ChatAssistant.Tests.Disputes;

/// <summary>The seeded leak search with sessions in a real redis-server, dumped with KEYS + GET/HGETALL.</summary>
public sealed class PrivacyRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task Seeded_values_are_not_in_a_Redis_dump_the_logs_or_the_database_file()
    {
        redis.Require();
        var prefix = RedisServer.UniquePrefix();
        using var data = new TempDirectory("ca-privacy-redis");
        var server = await AssistantServer.StartAsync(redis.DeploymentSettings(prefix), dataDirectory: data.Path);
        Assert.IsType<RedisStorage>(server.Get<IStorage>());
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        var keysSeen = 0;
        await SeededLeakSearch.RunAsync(server, async () =>
        {
            var db = connection.GetDatabase();
            var dump = new StringBuilder();
            foreach (var key in connection.GetServer(redis.ConnectionString).Keys(pattern: prefix + "*"))
            {
                keysSeen++;
                dump.Append(key).Append('=');
                if (await db.KeyTypeAsync(key) == RedisType.Hash)
                    foreach (var entry in await db.HashGetAllAsync(key)) dump.Append(entry.Name).Append(':').Append(entry.Value).Append(';');
                else if (await db.KeyTypeAsync(key) == RedisType.String)
                    dump.Append(await db.StringGetAsync(key));
                dump.Append('\n');
            }
            return dump.ToString();
        });
        Assert.True(keysSeen > 0, "the sessions should be in Redis");
    }
}
