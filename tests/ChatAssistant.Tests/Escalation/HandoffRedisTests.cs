using ChatAssistant.Conversation;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Tests.Escalation;

/// <summary>Hand-off in and out with sessions and turn locks in a real redis-server, as in production.</summary>
public sealed class HandoffRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task Staff_closing_clears_the_flag_in_redis_sessions_and_the_user_is_back_with_the_bot()
    {
        redis.Require();
        await using var bot = BotHarness.Create(settings: redis.DeploymentSettings()); // transcripts are encrypted with its field key
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Empty(await bot.SayAsync("有人吗"));
        Assert.True(await StoredState.InHandoffAsync(bot.Get<IStorage>(), "user1"));

        var record = bot.Get<EscalationStore>().FindOpen("test", "user1")!;
        var staff = bot.Get<StaffStore>().Create("wang", "correct horse battery", StaffRoles.Staff, "婺城区", "小王");
        var (outcome, _) = await bot.Get<EscalationDesk>().ResolveAsync(record.Id, staff, null, CancellationToken.None);

        Assert.True(outcome.Ok);
        Assert.False(await StoredState.InHandoffAsync(bot.Get<IStorage>(), "user1"));
        Assert.NotEmpty(await bot.SayAsync("阿巴阿巴"));
        Assert.DoesNotContain(bot.Get<EscalationStore>().Entries(record.Id), e => e.Text == "阿巴阿巴");
    }
}
