using ChatAssistant.Adapters;
using ChatAssistant.Feedback;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// Issue 4's must-shows on the real bot: two instances sharing one Redis, parallel messages of one user
/// across both, and idle expiry.
/// </summary>
public sealed class SessionsInRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task ConversationStartedOnOneInstance_ContinuesOnTheOther()
    {
        var settings = Settings();
        await using var a = BotHarness.Create(settings: settings);
        await using var b = BotHarness.Create(settings: settings);
        Assert.IsType<RedisStorage>(a.Get<IStorage>());

        await a.SayAsync("你好");
        Assert.Contains(FeedbackTexts.AskTopic, Joined(await a.SayAsync("意见建议")));
        Assert.Contains(FeedbackTexts.AskContent, Joined(await b.SayAsync("1")));
        Assert.Contains("请确认你的意见建议", Joined(await a.SayAsync("希望周末多组织一些志愿服务活动")));
    }

    [SkippableFact]
    public async Task ParallelMessagesOfOneUserAcrossTwoInstances_RunOneAtATime_AndLoseNoUpdate()
    {
        var settings = Settings();
        await using var a = BotHarness.Create(settings: settings);
        await using var b = BotHarness.Create(settings: settings);
        var race = new TurnRace();
        await race.WarmUpAsync(a, b);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => race.TurnAsync(i % 2 == 0 ? a : b, withPipeline: true))));

        Assert.Equal(20, await race.CountAsync(a));
        Assert.Equal(1, race.MaxInside);
    }

    [SkippableFact]
    public async Task WithoutTheTurnLock_TheSameRaceLosesUpdates()
    {
        // The control for the test above: Bot.Builder state is last-writer-wins (botbuilder-dotnet #6081),
        // so the turn lock is what keeps the count.
        var settings = Settings();
        await using var a = BotHarness.Create(settings: settings);
        await using var b = BotHarness.Create(settings: settings);
        var race = new TurnRace();
        await race.WarmUpAsync(a, b);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => race.TurnAsync(i % 2 == 0 ? a : b, withPipeline: false))));

        Assert.True(race.MaxInside > 1);
        Assert.InRange(await race.CountAsync(a), 1, 19);
    }

    [SkippableFact]
    public async Task IdleSession_ExpiresAfterTheConfiguredTtl()
    {
        var settings = Settings();
        // Long enough that a turn slowed by a busy machine (CI runs the whole suite on two cores) stays inside it.
        settings["Redis:SessionTtl"] = "00:00:08";
        await using var a = BotHarness.Create(settings: settings);

        await a.SayAsync("你好");
        await a.SayAsync("意见建议");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Contains(FeedbackTexts.AskContent, Joined(await a.SayAsync("1"))); // still there: turns keep it alive

        await Task.Delay(TimeSpan.FromSeconds(9));
        var replies = Joined(await a.SayAsync("希望周末多组织一些志愿服务活动"));

        Assert.DoesNotContain("请确认你的意见建议", replies);
        Assert.StartsWith(ChatAssistant.Conversation.ConversationTexts.Welcome, replies); // user state expired too
    }

    private Dictionary<string, string?> Settings()
    {
        redis.Require();
        return new() { ["Redis:Configuration"] = redis.ConnectionString, ["Redis:KeyPrefix"] = RedisServer.UniquePrefix() };
    }

    private static string Joined(IEnumerable<string> replies) => string.Join('\n', replies);

    /// <summary>Turns that read a counter from conversation state, pause, and write it back plus one.</summary>
    private sealed class TurnRace
    {
        private const string User = "racer";
        private int _inside;
        private int _maxInside;

        public int MaxInside => _maxInside;

        public async Task TurnAsync(BotHarness instance, bool withPipeline)
        {
            var state = instance.Get<ConversationState>();
            var counter = state.CreateProperty<int>("race-counter");
            var adapter = new TestAdapter(TestAdapter.CreateConversation(User, User, "bot"));
            if (withPipeline) instance.Get<IBotPipeline>().Apply(adapter);
            else adapter.Use(new AutoSaveStateMiddleware(state));

            await adapter.ProcessActivityAsync(adapter.MakeActivity("+1"), async (turn, ct) =>
            {
                var now = Interlocked.Increment(ref _inside);
                InterlockedMax(now);
                var value = await counter.GetAsync(turn, () => 0, ct);
                await Task.Delay(15, ct);
                await counter.SetAsync(turn, value + 1, ct);
                Interlocked.Decrement(ref _inside);
            }, CancellationToken.None);
        }

        // A started host connects to Redis while starting (RedisConnectionWarmup); the harness does not start
        // its host, so the first turn would connect synchronously while 19 others queue on the thread pool.
        public async Task WarmUpAsync(params BotHarness[] instances)
        {
            foreach (var instance in instances) Assert.Equal(0, await CountAsync(instance));
        }

        public async Task<int> CountAsync(BotHarness instance)
        {
            var counter = instance.Get<ConversationState>().CreateProperty<int>("race-counter");
            var adapter = new TestAdapter(TestAdapter.CreateConversation(User, User, "bot"));
            instance.Get<IBotPipeline>().Apply(adapter);
            var count = -1;
            await adapter.ProcessActivityAsync(adapter.MakeActivity("?"), async (turn, ct) => count = await counter.GetAsync(turn, () => 0, ct), CancellationToken.None);
            return count;
        }

        private void InterlockedMax(int value)
        {
            int current;
            while ((current = Volatile.Read(ref _maxInside)) < value && Interlocked.CompareExchange(ref _maxInside, value, current) != current)
            {
            }
        }
    }
}
