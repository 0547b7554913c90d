using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Escalation;
using ChatAssistant.Hosting;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Conversation;

public sealed class ChatBotTests
{
    [Fact]
    public async Task First_contact_is_welcomed_with_the_menu()
    {
        await using var bot = BotHarness.Create();
        await bot.Flow()
            .Send("你好")
            .AssertReply(ConversationTexts.Welcome)
            .AssertReply(a => Assert.StartsWith(ConversationTexts.MenuHeading, ((IMessageActivity)a).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Subscribe_event_welcomes_and_menu_click_starts_the_flow()
    {
        await using var bot = BotHarness.Create(OrderFlow.Register);
        var subscribe = new Activity { Type = ActivityTypes.Event, Name = ChannelEvents.Subscribe };
        var click = new Activity { Type = ActivityTypes.Event, Name = ChannelEvents.MenuClick, Value = "TEST_ORDER" };
        await bot.Flow()
            .Send(subscribe)
            .AssertReply(ConversationTexts.Welcome)
            .AssertReply(a => Assert.Contains("1. 测试订单", ((IMessageActivity)a).Text))
            .Send(click)
            .AssertReply("要几份？（1-5）")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_menu_number_starts_the_menu_entry()
    {
        await using var bot = BotHarness.Create(OrderFlow.Register);
        await bot.SayAsync("你好");
        Assert.Equal(["要几份？（1-5）"], await bot.SayAsync("1"));
        Assert.Equal(["要几份？（1-5）"], await bot.SayAsync("测试下单"));
    }

    [Fact]
    public async Task Unknown_text_goes_to_the_fallback_which_offers_a_person_whom_a_yes_reaches()
    {
        // The core's own fallback (the guide replaces it in the product; GuideConversationTests cover that).
        await using var bot = BotHarness.Create(s => s.AddSingleton<IFallbackHandler, DefaultFallback>());
        await bot.SayAsync("你好");
        Assert.Equal([ConversationTexts.NotUnderstood], await bot.SayAsync("阿巴阿巴"));
        Assert.Equal([ConversationTexts.NotUnderstood], await bot.SayAsync("🙂")); // twice in a row is no reason by itself
        Assert.Equal([ConversationTexts.NotUnderstood], await bot.SayAsync("🙃"));
        Assert.Empty(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
        Assert.Equal([EscalationTexts.ConnectedInHours(0, 30)], await bot.SayAsync("可以"));
        var requests = bot.Get<ChatAssistant.Escalation.EscalationStore>().All().ToList();
        Assert.Single(requests);
        Assert.Equal(EscalationReason.NotUnderstood, requests[0].Reason);
    }

    [Fact]
    public async Task Transfer_to_a_person_is_recorded_from_inside_a_flow()
    {
        await using var bot = BotHarness.Create(OrderFlow.Register);
        await bot.SayAsync("你好");
        await bot.SayAsync("测试下单");
        Assert.Equal([EscalationTexts.ConnectedInHours(0, 30)], await bot.SayAsync("转人工"));
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
    }

    [Fact]
    public async Task A_failing_turn_apologises_with_a_correlation_id_and_clears_the_conversation()
    {
        await using var bot = BotHarness.Create(s =>
        {
            OrderFlow.Register(s);
            s.AddFeature<ExplodingFlow>(new ChatAssistant.Conversation.Routing.Intent { Id = "boom", FlowId = "boom", Keywords = ["爆炸测试"] });
        });
        await bot.SayAsync("你好");
        await bot.SayAsync("测试下单");
        var replies = await bot.SayAsync("爆炸测试");
        Assert.Single(replies);
        Assert.Matches("抱歉，系统出了点问题（编号 [0-9a-f]{8}）", replies[0]);
        var id = System.Text.RegularExpressions.Regex.Match(replies[0], "编号 ([0-9a-f]{8})").Groups[1].Value;
        Assert.Contains(bot.Logs.Lines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("Error", StringComparison.Ordinal));
        // The interrupted order flow was cleared with the conversation: a number is a menu number again (asked
        // about first, the menu not being on screen; looked up, since features added to the menu move 意见建议 down).
        var feedback = bot.Get<ChatAssistant.Conversation.Routing.IntentRouter>().Menu.ToList().FindIndex(i => i.Id == "feedback") + 1;
        var number = feedback.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([ConversationTexts.MenuNumberMeant(number, "意见建议")], await bot.SayAsync(number));
        Assert.Equal(["想就哪方面提意见建议？\n1. 志愿服务\n2. 团代表工作\n3. 青少年权益\n4. 本助手的使用\n5. 其他\n回复序号选择。"], await bot.SayAsync("是"));
    }

    [Fact]
    public async Task A_turn_that_times_out_says_busy_and_keeps_the_conversation_where_it_was()
    {
        await using var bot = BotHarness.Create(s =>
        {
            OrderFlow.Register(s);
            s.AddFeature<TimingOutFlow>(new ChatAssistant.Conversation.Routing.Intent { Id = "slow", FlowId = "slow", Keywords = ["超时测试"] });
        });
        await bot.SayAsync("你好");
        Assert.Equal(["要几份？（1-5）"], await bot.SayAsync("测试下单"));
        Assert.Equal([ConversationTexts.Busy], await bot.SayAsync("超时测试"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("Turn failed", StringComparison.Ordinal));
        // Not cleared: the order flow goes on from where it was.
        Assert.Equal(["选规格：\n1. 小份\n2. 大份\n回复序号选择。"], await bot.SayAsync("2"));
    }

    [Fact]
    public async Task After_a_failing_turn_the_user_is_not_welcomed_again_even_when_their_profile_has_expired()
    {
        await using var bot = BotHarness.Create(s =>
            s.AddFeature<ExplodingFlow>(new ChatAssistant.Conversation.Routing.Intent { Id = "boom", FlowId = "boom", Keywords = ["爆炸测试"] }));
        await bot.SayAsync("你好");
        await bot.SayAsync("爆炸测试");
        // The user's own state is read only on first contact, so its idle expiry can pass during a long chat.
        var storage = bot.Get<Microsoft.Bot.Builder.IStorage>();
        const string userKey = "test/users/user1";
        Assert.True((await storage.ReadAsync([userKey])).ContainsKey(userKey));
        await storage.DeleteAsync([userKey]);
        var replies = await bot.SayAsync("菜单");
        Assert.DoesNotContain(replies, r => r.Contains(ConversationTexts.Welcome, StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("回复序号", StringComparison.Ordinal) || r.Contains("1.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_turns_conversation_is_cleared_while_the_turn_still_holds_its_lock()
    {
        LockWatchingStorage? storage = null;
        await using var bot = BotHarness.Create(s =>
        {
            s.AddFeature<ExplodingFlow>(new ChatAssistant.Conversation.Routing.Intent { Id = "boom", FlowId = "boom", Keywords = ["爆炸测试"] });
            s.AddSingleton<Microsoft.Bot.Builder.IStorage>(sp => storage = new LockWatchingStorage(sp.GetRequiredService<ChatAssistant.Adapters.Coordination.IDistributedLock>()));
        });
        await bot.SayAsync("你好");
        await bot.SayAsync("测试下单");
        Assert.Matches("抱歉，系统出了点问题", Assert.Single(await bot.SayAsync("爆炸测试")));

        // The recovery wrote the cleared conversation (only 已欢迎 kept), and it did so inside the turn lock: a
        // message arriving meanwhile waits, so its turn's state is never overwritten by the clear.
        var writes = storage!.ConversationWrites.ToList();
        Assert.True(writes.Count >= 3);
        Assert.All(writes, w => Assert.True(w.LockHeld, "a conversation write outside the turn lock"));
        var cleared = Assert.IsType<ConversationData>(((IDictionary<string, object>)(await storage.ReadAsync(["test/conversations/user1"]))["test/conversations/user1"])["ConversationData"]);
        Assert.Empty(cleared.Flows);
        Assert.True(cleared.Welcomed);
    }

    [Fact]
    public async Task A_conversation_whose_stored_state_cannot_be_read_is_cleared_once_not_failed_forever()
    {
        UnreadableStorage? storage = null;
        await using var bot = BotHarness.Create(s =>
            s.AddSingleton<Microsoft.Bot.Builder.IStorage>(_ => storage = new UnreadableStorage()));
        await bot.SayAsync("你好");
        storage!.Spoil("test/conversations/user1"); // e.g. written by a newer version with a type this one lacks

        Assert.Matches("抱歉，系统出了点问题", Assert.Single(await bot.SayAsync("菜单")));
        Assert.Contains("test/conversations/user1", storage.Deleted);
        // The next message reads a fresh conversation instead of failing again.
        var replies = await bot.SayAsync("菜单");
        Assert.DoesNotContain(replies, r => r.Contains("抱歉，系统出了点问题", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.Contains("回复序号", StringComparison.Ordinal) || r.Contains("1.", StringComparison.Ordinal));
    }

    /// <summary>Session storage in which a key can be spoiled: reading it fails (not an outage) until it is deleted.</summary>
    private sealed class UnreadableStorage : Microsoft.Bot.Builder.IStorage
    {
        private readonly Microsoft.Bot.Builder.MemoryStorage _inner = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _spoiled = new();

        public System.Collections.Concurrent.ConcurrentQueue<string> Deleted { get; } = new();

        public void Spoil(string key) => _spoiled[key] = 0;

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            keys.Any(_spoiled.ContainsKey)
                ? throw new Newtonsoft.Json.JsonSerializationException("Could not resolve type '~Conversation.FromTheFuture'.")
                : _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            foreach (var key in changes.Keys) _spoiled.TryRemove(key, out _);
            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            foreach (var key in keys)
            {
                Deleted.Enqueue(key);
                _spoiled.TryRemove(key, out _);
            }
            return _inner.DeleteAsync(keys, cancellationToken);
        }
    }

    /// <summary>Session storage that notes, for each conversation write, whether that conversation's turn lock was held.</summary>
    private sealed class LockWatchingStorage(ChatAssistant.Adapters.Coordination.IDistributedLock locks) : Microsoft.Bot.Builder.IStorage
    {
        private readonly Microsoft.Bot.Builder.MemoryStorage _inner = new();

        public System.Collections.Concurrent.ConcurrentQueue<(string Key, bool LockHeld)> ConversationWrites { get; } = new();

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            foreach (var key in changes.Keys.Where(k => k.Contains("/conversations/", StringComparison.Ordinal)))
            {
                var parts = key.Split('/'); // {channel}/conversations/{id}: the lock is turn:{channel}:{id}
                await using var probe = await locks.TryAcquireAsync($"turn:{parts[0]}:{parts[2]}", TimeSpan.FromSeconds(5), TimeSpan.Zero, cancellationToken);
                ConversationWrites.Enqueue((key, probe is null));
            }
            await _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }

    // What an HTTP call with a deadline throws inside a step.
    private sealed class TimingOutFlow : Flow
    {
        public override string Id => "slow";

        public override string Title => "超时";

        protected override IReadOnlyList<FlowStep> BuildSteps() =>
            [Step.Do("slow", (_, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"))];
    }

    private sealed class ExplodingFlow : Flow
    {
        public override string Id => "boom";

        public override string Title => "爆炸";

        protected override IReadOnlyList<FlowStep> BuildSteps() =>
            [Step.Do("boom", (_, _) => throw new InvalidOperationException("kaboom"))];
    }
}
