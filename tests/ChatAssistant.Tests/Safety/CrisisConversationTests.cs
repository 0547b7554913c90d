using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Knowledge.Safety;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Conversation;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace ChatAssistant.Tests.Safety;

/// <summary>The crisis check inside the conversation: first answer, urgent hand-off, the flow kept, the lexicon staff edit.</summary>
public sealed class CrisisConversationTests
{
    private static List<EscalationRecord> Handoffs(BotHarness bot) =>
        bot.Get<ChatAssistant.Escalation.EscalationStore>().All().ToList();

    // A crisis is told what happens next, not the office-hours wait (issue #28); no on-call rota is configured here.
    private static readonly string Connected = EscalationTexts.ConnectedUrgentNobodyOnCall;

    [Fact]
    public async Task A_crisis_inside_another_flow_is_answered_first_escalated_and_the_flow_keeps_its_place()
    {
        await using var bot = BotHarness.Create(OrderFlow.Register);
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        Assert.Equal(["要几份？（1-5）"], await chat.SayAsync("测试下单"));
        Assert.Contains("选规格", await chat.SayJoinedAsync("2"));

        var replies = await chat.SayAsync("我 真的 不想活了……");
        Assert.Equal(SafetyTexts.CrisisReply, replies[0]);
        Assert.Contains("12355", replies[0]);
        Assert.Contains("110", replies[0]);
        Assert.Contains("120", replies[0]);
        Assert.Contains(Connected, replies);
        Assert.Contains(SafetyTexts.ResumeHint("测试订单"), replies);
        var request = Assert.Single(Handoffs(bot));
        Assert.Equal(EscalationReason.Crisis, request.Reason);
        Assert.True(request.Urgent);
        Assert.Equal("Suicide", request.CrisisCategory);
        Assert.StartsWith("lexicon:", request.CrisisSignal);

        // The order flow is still waiting at the size question, with the count kept.
        Assert.Contains("选规格", await chat.SayJoinedAsync("继续"));
        Assert.Contains("2 份 L", await chat.SayJoinedAsync("2"));
    }

    [Fact]
    public async Task A_crisis_written_as_a_help_requests_description_is_kept_and_the_request_goes_on()
    {
        await using var bot = BotHarness.Create();
        var chat = new Chat(bot.Services);
        await chat.SayAsync("你好");
        foreach (var answer in new[] { "求助", "是", "2", "1", "2" }) await chat.SayAsync(answer);
        var replies = await chat.SayAsync("爸爸喝了酒就家暴我和妈妈，我好怕");
        Assert.Equal(SafetyTexts.CrisisReply, replies[0]);
        var escalation = Assert.Single(Handoffs(bot));
        Assert.Equal(EscalationReason.Crisis, escalation.Reason);
        Assert.Equal("Abuse", escalation.CrisisCategory);
        // The description was taken: 「继续」 asks the next question, not the description again.
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayJoinedAsync("继续"));
        Assert.Contains(DisputeTexts.AskIdentity, await chat.SayJoinedAsync("1"));
        Assert.Contains("请确认你的求助", await chat.SayJoinedAsync("1"));
        Assert.Contains("已提交", await chat.SayJoinedAsync("是"));
        var ticket = Assert.Single(DisputeFixtures.AllTickets(bot.Services));
        Assert.Equal("爸爸喝了酒就家暴我和妈妈，我好怕", bot.Get<TicketFieldReader>().Reveal(ticket, TicketFields.Description));
    }

    [Fact]
    public async Task A_crisis_with_no_flow_running_still_comes_before_everything_else()
    {
        await using var bot = BotHarness.Create();
        var replies = await bot.SayAsync("我被打了");
        // First contact: the welcome comes first, then the crisis answer before any routing.
        Assert.Equal(ConversationTexts.Welcome, replies[0]);
        Assert.Equal(SafetyTexts.CrisisReply, replies[1]);
        Assert.DoesNotContain(ConversationTexts.NotUnderstood, replies);
    }

    [Fact]
    public async Task The_safety_message_is_not_repeated_word_for_word_on_the_next_turn()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Equal(SafetyTexts.CrisisReply, (await bot.SayAsync("我想死"))[0]);
        var second = await bot.SayAsync("活着真的没意思");
        Assert.Equal(SafetyTexts.CrisisAgain, second[0]);
        Assert.Contains("12355", second[0]);
    }

    [Fact]
    public async Task Distress_without_a_clear_danger_gets_a_gentle_check_not_a_not_sure()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        var replies = await bot.SayAsync("今天好难过啊");
        Assert.Equal([SafetyTexts.GentleCheck], replies);
        Assert.Contains("12355", replies[0]);
        Assert.Empty(Handoffs(bot));
        Assert.Equal([SafetyTexts.GentleCheckAgain], await bot.SayAsync("好孤独"));
    }

    [Fact]
    public async Task The_lexicon_comes_from_the_file_staff_edit_and_a_broken_edit_keeps_the_one_in_use()
    {
        using var dir = new TempDirectory();
        File.Copy(CrisisFiles.Lexicon, dir.File(CrisisLexiconLoader.FileName));
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?>
        {
            ["Safety:CrisisDirectory"] = dir.Path,
            ["Safety:RecheckEvery"] = "00:00:01",
        });
        await bot.SayAsync("你好");
        Assert.NotEqual(SafetyTexts.CrisisReply, (await bot.SayAsync("看到了紫色气球"))[0]);

        var path = dir.File(CrisisLexiconLoader.FileName);
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("entries:\n", "entries:\n  - {id: test-purple, level: crisis, category: danger, patterns: ['紫色气球'], examples: ['紫色气球']}\n", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SafetyTexts.CrisisReply, (await bot.SayAsync("看到了紫色 气球"))[0]);

        await File.WriteAllTextAsync(path, "entries: [ {id: broken");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains(bot.Get<CrisisDetector>().Lexicon.Entries, e => e.Id == "test-purple");
        Assert.Equal(SafetyTexts.CrisisAgain, (await bot.SayAsync("紫色气球"))[0]);
    }

    [Fact]
    public async Task A_lexicon_file_that_disappears_leaves_the_check_working()
    {
        using var dir = new TempDirectory();
        File.Copy(CrisisFiles.Lexicon, dir.File(CrisisLexiconLoader.FileName));
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?>
        {
            ["Safety:CrisisDirectory"] = dir.Path,
            ["Safety:RecheckEvery"] = "00:00:01",
        });
        await bot.SayAsync("你好");
        File.Delete(dir.File(CrisisLexiconLoader.FileName));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SafetyTexts.CrisisReply, (await bot.SayAsync("我想自杀"))[0]);
    }

    [Fact]
    public async Task A_request_said_with_a_sigh_is_still_served_and_only_an_unanswerable_sigh_gets_the_check()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        var replies = string.Join("\n", await bot.SayAsync("好烦啊，怎么注册志愿者"));
        Assert.DoesNotContain(SafetyTexts.GentleCheck, replies);
        Assert.Contains("志愿汇", replies);
        Assert.Equal([SafetyTexts.GentleCheck], await bot.SayAsync("好孤独"));
    }

    [Fact]
    public async Task While_a_person_has_the_conversation_a_crisis_is_answered_upgraded_and_recorded_once()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        // Put the conversation in hand-off mode, as the hand-off service does.
        var adapter = new TestAdapter(TestAdapter.CreateConversation("user1", "user1", "bot"));
        bot.Get<IBotPipeline>().Apply(adapter);
        var state = bot.Get<ConversationState>().CreateProperty<ConversationData>(nameof(ConversationData));
        await adapter.ProcessActivityAsync(adapter.MakeActivity("x"), async (turn, ct) => (await state.GetAsync(turn, () => new ConversationData(), ct)).InHandoff = true, CancellationToken.None);

        var replies = await bot.SayAsync("我想死");
        Assert.Equal(SafetyTexts.CrisisReply, replies[0]);
        var record = Assert.Single(Handoffs(bot));
        Assert.Equal(EscalationReason.Crisis, record.Reason);
        Assert.Equal([SafetyTexts.CrisisReply, Connected], replies);
        var entries = bot.Get<EscalationStore>().Entries(record.Id);
        Assert.Single(entries, e => e.Kind == EntryKind.User && e.Text == "我想死");
        // Staff read what the young person was told, right after what they wrote.
        var user = entries.ToList().FindIndex(e => e.Kind == EntryKind.User && e.Text == "我想死");
        Assert.Equal((EntryKind.Bot, SafetyTexts.CrisisReply), (entries[user + 1].Kind, entries[user + 1].Text));
    }
}
