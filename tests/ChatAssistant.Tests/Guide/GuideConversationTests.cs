using ChatAssistant.Conversation;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Guide;

public sealed class GuideConversationTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private GuideEntry Entry(string id) => _bot.Get<KnowledgeBase>().Find(id)!;

    [Fact]
    public async Task A_direct_question_gets_the_entry_answer()
    {
        await _bot.SayAsync("你好");
        var replies = await _bot.SayAsync("志愿汇怎么注册");
        Assert.Equal([GuideTexts.Answer(Entry("vol-register").Answer)], replies);
    }

    [Fact]
    public async Task A_vague_question_offers_close_topics_and_the_number_picks_one()
    {
        await _bot.SayAsync("你好");
        var clarify = Assert.Single(await _bot.SayAsync("时长"));
        Assert.StartsWith(GuideTexts.ClarifyHeading, clarify);
        // The number the list gives the hours entry picks it, whatever its place.
        var line = Assert.Single(clarify.Split('\n'), l => l.EndsWith(". " + Entry("hours-check").Title, StringComparison.Ordinal));
        // The answer is about a feature this unbound user cannot use yet: how to bind follows it.
        Assert.Equal([GuideTexts.Answer(Entry("hours-check").Answer, ChatAssistant.Identity.IdentityTexts.BindToUse(ChatAssistant.Identity.RosterKind.Volunteer, "查时长"))],
            await _bot.SayAsync(line[..line.IndexOf('.')]));
    }

    [Fact]
    public async Task Asking_something_else_instead_of_a_number_is_answered_as_a_new_question()
    {
        await _bot.SayAsync("你好");
        await _bot.SayAsync("时长");
        Assert.Equal([GuideTexts.Answer(Entry("vol-register").Answer)], await _bot.SayAsync("志愿汇怎么注册"));
    }

    [Fact]
    public async Task An_unknown_question_is_not_answered_confidently_and_offers_a_person()
    {
        await _bot.SayAsync("你好");
        Assert.Equal([GuideTexts.NotSureOffer], await _bot.SayAsync("今天天气怎么样"));
        Assert.Contains("转人工", GuideTexts.NotSureOffer);
        // A second miss in a row offers again; only the user's yes hands over (HandoffConversationTests).
        Assert.Equal([GuideTexts.NotSureOffer], await _bot.SayAsync("明天股票会涨吗"));
        Assert.Empty(_bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
    }

    [Fact]
    public async Task Small_talk_gets_a_short_friendly_reply_not_a_guide_answer()
    {
        await _bot.SayAsync("你好");
        var reply = Assert.Single(await _bot.SayAsync("谢谢"));
        Assert.DoesNotContain(GuideTexts.AnswerFooter, reply);
        Assert.Contains("不用谢", reply);
    }

    [Fact]
    public async Task A_guide_list_the_user_left_for_something_else_is_not_asked_again()
    {
        await _bot.SayAsync("你好");
        Assert.Contains("1.", string.Concat(await _bot.SayAsync("时长"))); // a pick-a-number list for a vague question
        await _bot.SayAsync("意见建议");
        await _bot.SayAsync("1");
        await _bot.SayAsync("希望增加更多线上的志愿活动");
        var done = await _bot.SayAsync("是");
        Assert.Contains(done, r => r.StartsWith("已收到", StringComparison.Ordinal));
        Assert.DoesNotContain(done, r => r.Contains(ChatAssistant.Conversation.Flows.FlowTexts.Resuming("志愿指南"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_number_after_菜单_in_the_middle_of_a_list_picks_from_the_main_menu()
    {
        await _bot.SayAsync("你好");
        await _bot.SayAsync("志愿指南"); // its own numbered list
        var menu = await _bot.SayAsync("菜单");
        Assert.Contains(menu, r => r.Contains("回复「继续」回到「志愿指南」", StringComparison.Ordinal));
        var feedback = _bot.Get<ChatAssistant.Conversation.Routing.IntentRouter>().Menu.ToList().FindIndex(i => i.Id == "feedback") + 1;
        Assert.Equal([ChatAssistant.Feedback.FeedbackTexts.AskTopic + "\n1. 志愿服务\n2. 团代表工作\n3. 青少年权益\n4. 本助手的使用\n5. 其他\n回复序号选择。"],
            await _bot.SayAsync(feedback.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Only right after the menu: the next number answers the flow that is running.
        Assert.Equal([ChatAssistant.Feedback.FeedbackTexts.AskContent], await _bot.SayAsync("1"));
    }

    [Theory]
    [InlineData("好")]
    [InlineData("嗯")]
    [InlineData("谢谢")]
    public async Task An_acknowledgement_under_a_list_closes_it_without_counting_as_not_understood(string ack)
    {
        await _bot.SayAsync("你好");
        await _bot.SayAsync("时长");
        Assert.Equal([ChatAssistant.Conversation.Flows.FlowTexts.ListLeft], await _bot.SayAsync(ack));
        // Not taken as a yes to a person either: nothing had offered one. The next unclear message does.
        Assert.Empty(_bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
        Assert.Equal([GuideTexts.NotSureOffer], await _bot.SayAsync("阿巴阿巴阿巴"));
    }

    [Fact]
    public async Task The_guide_menu_lists_topics_by_number()
    {
        await _bot.SayAsync("你好");
        var menu = Assert.Single(await _bot.SayAsync("志愿指南"));
        Assert.StartsWith(GuideTexts.MenuHeading, menu);
        // What the menu button promises: registering, hours, redeeming (not the first entries of the files).
        var guide = _bot.Get<KnowledgeBase>();
        var first = guide.Find("vol-register")!;
        Assert.Contains("1. " + first.Title, menu);
        Assert.Contains("3. " + guide.Find("hours-how-recorded")!.Title, menu);
        Assert.Contains(guide.Find("yibi-exchange")!.Title, menu);
        Assert.DoesNotContain(guide.Entries[0].Title, menu);
        Assert.Equal([GuideTexts.Answer(first.Answer)], await _bot.SayAsync("1"));
    }

    [Fact]
    public async Task A_content_error_stops_the_start_up_naming_its_file_and_entry()
    {
        using var content = new TempDirectory("guide");
        foreach (var file in Directory.GetFiles(ContentDirectory.Resolve(), "*.yaml"))
            File.Copy(file, content.File(Path.GetFileName(file)));
        var broken = content.File("volunteer.yaml");
        File.WriteAllText(broken, File.ReadAllText(broken).Replace("id: vol-register", "id: assistant-bind", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<GuideContentException>(() =>
            AssistantServer.StartAsync(new Dictionary<string, string?> { ["Guide:ContentDirectory"] = content.Path }));
        Assert.Contains("volunteer.yaml", error.Message);
        Assert.Contains("assistant-bind", error.Message);
    }
}
