using ChatAssistant.Conversation;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Tests.Conversation;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using ChatAssistant.Adapters;

namespace ChatAssistant.Tests.Disputes;

public sealed class CrisisTests
{
    private static List<EscalationRecord> Handoffs(BotHarness bot) =>
        bot.Get<ILiteDatabase>().GetCollection<EscalationRecord>(EscalationStore.Collection).FindAll().ToList();

    private static readonly string Connected = EscalationTexts.ConnectedInHours(0, 30);

    [Fact]
    public async Task A_crisis_word_inside_another_flow_is_answered_first_escalated_and_the_flow_keeps_its_place()
    {
        await using var bot = BotHarness.Create(OrderFlow.Register);
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        Assert.Equal(["要几份？（1-5）"], await chat.SayAsync("测试下单"));
        Assert.Contains("选规格", await chat.SayJoinedAsync("2"));

        var replies = await chat.SayAsync("我 真的 不想活了……");
        Assert.Equal(DisputeTexts.CrisisReply, replies[0]);
        Assert.Contains("12355", replies[0]);
        Assert.Contains("110", replies[0]);
        Assert.Contains("120", replies[0]);
        Assert.Contains(Connected, replies);
        Assert.Contains(DisputeTexts.CrisisResumeHint("测试订单"), replies);
        var request = Assert.Single(Handoffs(bot));
        Assert.Equal(EscalationReason.Crisis, request.Reason);
        Assert.True(request.Urgent);

        // The order flow is still waiting at the size question, with the count kept.
        Assert.Contains("选规格", await chat.SayJoinedAsync("继续"));
        Assert.Contains("2 份 L", await chat.SayJoinedAsync("2"));
    }

    [Fact]
    public async Task A_crisis_word_in_the_middle_of_a_help_request_is_answered_and_the_request_goes_on()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        foreach (var answer in new[] { "求助", "是", "2", "1", "2" }) await chat.SayAsync(answer);
        var replies = await chat.SayAsync("爸爸喝了酒就家暴我和妈妈");
        Assert.Equal(DisputeTexts.CrisisReply, replies[0]);
        Assert.Equal(EscalationReason.Crisis, Assert.Single(Handoffs(bot)).Reason);
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayJoinedAsync("继续"));
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayJoinedAsync("家里有些矛盾，希望有人能来帮帮我们。"));
    }

    [Fact]
    public async Task A_crisis_word_with_no_flow_running_still_comes_before_everything_else()
    {
        await using var bot = BotHarness.Create();
        var replies = await bot.SayAsync("我被打了");
        // First contact: the welcome comes first, then the crisis answer before any routing.
        Assert.Equal(ConversationTexts.Welcome, replies[0]);
        Assert.Equal(DisputeTexts.CrisisReply, replies[1]);
        Assert.DoesNotContain(ConversationTexts.NotUnderstood, replies);
    }

    [Fact]
    public async Task Crisis_words_come_from_the_content_file_that_staff_edit()
    {
        using var dir = new TempDirectory();
        var file = dir.File("words.txt");
        await File.WriteAllLinesAsync(file, ["# test list", "紫色警报"]);
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?> { ["Disputes:CrisisWordsFile"] = file });
        await bot.SayAsync("你好");
        Assert.Equal(DisputeTexts.CrisisReply, (await bot.SayAsync("出现了紫色 警报"))[0]);
        Assert.Equal(["紫色警报"], bot.Get<CrisisWords>().Words);
    }

    [Fact]
    public async Task The_shipped_word_list_has_the_words_the_issue_names()
    {
        await using var bot = BotHarness.Create();
        var words = bot.Get<CrisisWords>();
        foreach (var word in new[] { "自杀", "轻生", "想死", "不想活", "被打", "家暴", "性侵" })
            Assert.True(words.Matches($"我{word}了"), word);
        Assert.False(words.Matches("我想报名志愿服务"));
    }

    [Fact]
    public async Task While_a_person_has_the_conversation_the_crisis_message_still_goes_on_after_the_hotlines()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        // Put the conversation in hand-off mode, as the hand-off service does.
        var adapter = new TestAdapter(TestAdapter.CreateConversation("user1", "user1", "bot"));
        bot.Get<IBotPipeline>().Apply(adapter);
        var state = bot.Get<ConversationState>().CreateProperty<ConversationData>(nameof(ConversationData));
        await adapter.ProcessActivityAsync(adapter.MakeActivity("x"), async (turn, ct) => (await state.GetAsync(turn, () => new ConversationData(), ct)).InHandoff = true, CancellationToken.None);

        var replies = await bot.SayAsync("我想死");
        Assert.Equal(DisputeTexts.CrisisReply, replies[0]);
        var record = Assert.Single(Handoffs(bot));
        Assert.Equal(EscalationReason.Crisis, record.Reason);
        // Not swallowed: it went on to the hand-off forwarding (the staff transcript, once), the bot said
        // nothing more, and no "reply 继续" hint as when the interceptor ends the turn.
        Assert.Equal([DisputeTexts.CrisisReply, Connected], replies);
        Assert.Single(bot.Get<EscalationStore>().Entries(record.Id), e => e.Kind == EntryKind.User && e.Text == "我想死");
    }
}
