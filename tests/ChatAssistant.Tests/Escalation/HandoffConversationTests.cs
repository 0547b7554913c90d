using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Safety;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Escalation;

public sealed class HandoffConversationTests
{
    // A user in the middle of a flow who writes a crisis word: put through to a person, urgently.
    private static async Task<BotHarness> CrisisInsideCountyFlowAsync()
    {
        var bot = BotHarness.Create(CountyFlow.Register);
        await bot.SayAsync("你好");
        await bot.SayAsync("测试区县");
        // A crisis is told what happens next, not the office-hours wait (issue #28); no rota is configured here.
        Assert.Contains(EscalationTexts.ConnectedUrgentNobodyOnCall, await bot.SayAsync("我想死"));
        return bot;
    }

    private static readonly string Connected = EscalationTexts.ConnectedInHours(0, 30);

    private static EscalationRecord Only(BotHarness bot) =>
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());

    private static IReadOnlyList<EscalationEntry> Entries(BotHarness bot, EscalationRecord record) =>
        bot.Get<EscalationStore>().Entries(record.Id);

    private static StaffAccount Staff(BotHarness bot) =>
        bot.Get<StaffStore>().Create("wang", "correct horse battery", StaffRoles.Staff, "婺城区", "小王");

    // In office hours, with a person expected within the announced wait, a message for them gets no bot answer
    // (docs/CONSOLE.md); 「菜单」 is self-service and answered, and staff see both.
    [Fact]
    public async Task Transfer_forwards_messages_self_service_is_still_answered_and_ending_returns_to_the_bot()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.Flow()
            .Send("转人工").AssertReply(Connected)
            .Send("我想问问志愿时长怎么没到账").AssertNoReply(timeout: 50)
            .Send("菜单").AssertReply(a => Assert.StartsWith(ConversationTexts.MenuHeading, ((IMessageActivity)a).Text))
            .Send("结束人工").AssertReply(EscalationTexts.EndedByUser)
            .Send("菜单").AssertReply(a => Assert.StartsWith(ConversationTexts.MenuHeading, ((IMessageActivity)a).Text))
            .StartTestAsync();

        var record = Only(bot);
        Assert.Equal(EscalationReason.UserAsked, record.Reason);
        Assert.Equal(EscalationStatus.Resolved, record.Status);
        Assert.Equal("user", record.ResolvedBy);
        var userLines = Entries(bot, record).Where(e => e.Kind == EntryKind.User).Select(e => (e.Text, e.SelfService)).ToList();
        Assert.Equal([("我想问问志愿时长怎么没到账", false), ("菜单", true), ("结束人工", false)], userLines);
    }

    [Fact]
    public async Task The_wait_is_announced_once_and_repeated_only_when_the_user_asks_again()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Equal([Connected], await bot.SayAsync("转人工"));
        for (var i = 0; i < 5; i++) Assert.Empty(await bot.SayAsync($"在吗 {i}"));
        Assert.Equal([EscalationTexts.AlreadyWaiting], await bot.SayAsync("转人工"));
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
    }

    [Fact]
    public async Task Staff_closing_returns_the_user_to_the_bot_and_the_refused_notice_is_kept()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Empty(await bot.SayAsync("还在吗"));

        var (outcome, delivery) = await bot.Get<EscalationDesk>().ResolveAsync(Only(bot).Id, Staff(bot), null, CancellationToken.None);

        Assert.True(outcome.Ok);
        Assert.False(delivery!.Delivered); // the test channel cannot send proactively
        var menu = await bot.SayAsync("菜单");
        Assert.StartsWith(ConversationTexts.MenuHeading, Assert.Single(menu));
        var notice = Entries(bot, Only(bot)).Last(e => e.Kind == EntryKind.Bot);
        Assert.Equal(EscalationTexts.EndedByStaff, notice.Text);
        Assert.Equal("no-channel", notice.ErrorCode);
        Assert.False(notice.Delivered);
        Assert.Contains(bot.Get<NoProactiveChannelMessenger>().Kept, m => m.Text == EscalationTexts.EndedByStaff);
    }

    [Fact]
    public async Task Staff_closing_clears_the_flag_in_the_stored_conversation_state()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.True(await StoredState.InHandoffAsync(bot.Get<IStorage>(), "user1"));

        await bot.Get<EscalationDesk>().ResolveAsync(Only(bot).Id, Staff(bot), null, CancellationToken.None);

        Assert.False(await StoredState.InHandoffAsync(bot.Get<IStorage>(), "user1"));
    }

    [Fact]
    public async Task A_record_closed_without_clearing_the_flag_still_returns_the_user_to_the_bot()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        bot.Get<EscalationStore>().Change(Only(bot).Id, r => { r.Status = EscalationStatus.Resolved; return null; });

        // The bot answers again (whatever the fallback says), instead of forwarding in silence.
        Assert.NotEmpty(await bot.SayAsync("阿巴阿巴"));
        Assert.DoesNotContain(bot.Get<EscalationStore>().Entries(Only(bot).Id), e => e.Text == "阿巴阿巴");
    }

    [Fact]
    public async Task Staff_picking_a_user_up_puts_their_conversation_in_handoff()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好", "user2");
        var (record, _) = (await bot.Get<EscalationDesk>().PickUpAsync("test", "user2", "婺城区", Staff(bot), _ => true, CancellationToken.None))!.Value;

        Assert.Empty(await bot.SayAsync("好的，我在", "user2"));
        Assert.Contains(Entries(bot, record), e => e.Kind == EntryKind.User && e.Text == "好的，我在");
        Assert.Equal(EscalationStatus.Claimed, Only(bot).Status);
    }

    [Fact]
    public async Task A_crisis_opens_an_urgent_escalation_and_upgrades_an_open_one_recording_the_message_once()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("我想死");
        Assert.True(Only(bot).Urgent);
        Assert.Equal(EscalationReason.Crisis, Only(bot).Reason);

        await using var other = BotHarness.Create();
        await other.SayAsync("你好");
        await other.SayAsync("转人工");
        Assert.False(Only(other).Urgent);
        Assert.Equal([SafetyTexts.CrisisReply], await other.SayAsync("我想死"));
        Assert.True(Only(other).Urgent);
        Assert.Single(Entries(other, Only(other)), e => e.Kind == EntryKind.User && e.Text == "我想死");
    }

    [Fact]
    public async Task After_a_crisis_inside_a_flow_continuing_resumes_the_flow_and_the_escalation_stays_open()
    {
        await using var bot = await CrisisInsideCountyFlowAsync();
        Assert.Empty(await bot.SayAsync("有人吗"));

        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("继续"));
        Assert.Equal(["想说什么？"], await bot.SayAsync("婺城区"));
        Assert.Equal(EscalationStatus.Waiting, Only(bot).Status);
        Assert.True(Only(bot).Urgent);
    }

    [Fact]
    public async Task Staff_claiming_after_the_user_continued_tells_them_they_are_with_a_person_and_how_to_leave()
    {
        await using var bot = await CrisisInsideCountyFlowAsync();
        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("继续"));

        Assert.True((await bot.Get<EscalationDesk>().ClaimAsync(Only(bot).Id, Staff(bot), CancellationToken.None)).Ok);

        var told = Assert.Single(bot.Get<NoProactiveChannelMessenger>().Kept);
        Assert.Equal(("user1", EscalationTexts.PickedUp), (told.UserId, told.Text));
        Assert.Contains("结束人工", EscalationTexts.PickedUp);
        Assert.Contains(Entries(bot, Only(bot)), e => e.Kind == EntryKind.Staff && e.Text == EscalationTexts.PickedUp && e.StaffName == "小王");
        Assert.Empty(await bot.SayAsync("我还在")); // with a person now: forwarded, as the notice said
        Assert.StartsWith(ConversationTexts.MenuHeading, (await bot.SayAsync("菜单"))[0]); // self-service still answers
        Assert.Contains(Entries(bot, Only(bot)), e => e.Kind == EntryKind.User && e.Text == "菜单" && e.SelfService);
        Assert.Equal([EscalationTexts.LeftUrgent], await bot.SayAsync("结束人工")); // a crisis: the case stays with staff
        Assert.StartsWith(ConversationTexts.MenuHeading, (await bot.SayAsync("菜单"))[0]); // the bot answers again
    }

    [Fact]
    public async Task Claiming_a_conversation_already_in_handoff_sends_no_second_notice()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.True((await bot.Get<EscalationDesk>().ClaimAsync(Only(bot).Id, Staff(bot), CancellationToken.None)).Ok);
        Assert.Empty(bot.Get<NoProactiveChannelMessenger>().Kept);
    }

    [Fact]
    public async Task Ending_after_continuing_leaves_a_crisis_open_for_staff_and_the_bot_answering()
    {
        await using var bot = await CrisisInsideCountyFlowAsync();
        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("继续"));

        Assert.Equal([EscalationTexts.LeftUrgent], await bot.SayAsync("结束人工"));

        // A crisis is closed only by staff, with a note: it stays open and urgent in the queue.
        Assert.Equal(EscalationStatus.Waiting, Only(bot).Status);
        Assert.True(Only(bot).Urgent);
        Assert.StartsWith(ConversationTexts.MenuHeading, (await bot.SayAsync("菜单"))[0]); // the bot answers again
        var staff = Staff(bot);
        Assert.Equal(DeskRefusals.NoteRequired, (await bot.Get<EscalationDesk>().ResolveAsync(Only(bot).Id, staff, null, CancellationToken.None)).Outcome.Refusal);
        Assert.True((await bot.Get<EscalationDesk>().ResolveAsync(Only(bot).Id, staff, "已电话联系，本人安全", CancellationToken.None)).Outcome.Ok);
        Assert.Equal(EscalationStatus.Resolved, Only(bot).Status);
        Assert.Contains(Entries(bot, Only(bot)), e => e.Kind == EntryKind.Note && e.Text == "已电话联系，本人安全");
    }

    [Fact]
    public async Task Ending_a_routine_hand_off_still_closes_it()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Equal([EscalationTexts.EndedByUser], await bot.SayAsync("结束人工"));
        Assert.Equal(EscalationStatus.Resolved, Only(bot).Status);
        Assert.Equal("user", Only(bot).ResolvedBy);
        Assert.Equal(DeskRefusals.Resolved, (await bot.Get<EscalationDesk>().ClaimAsync(Only(bot).Id, Staff(bot), CancellationToken.None)).Refusal);
    }

    [Fact]
    public async Task A_crisis_after_a_routine_hand_off_shows_staff_its_reason_as_crisis_and_the_user_cannot_close_it()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("阿巴阿巴");
        await bot.SayAsync("好"); // the person offered, accepted: a routine hand-off
        Assert.Equal(EscalationReason.NotUnderstood, Only(bot).Reason);
        Assert.Equal(SafetyTexts.CrisisReply, (await bot.SayAsync("我不想活了"))[0]);
        Assert.Equal((EscalationReason.Crisis, true, "Suicide"), (Only(bot).Reason, Only(bot).Urgent, Only(bot).CrisisCategory));
        Assert.Equal([EscalationTexts.LeftUrgent], await bot.SayAsync("結束人工")); // Traditional characters too
        Assert.NotEqual(EscalationStatus.Resolved, Only(bot).Status);
    }

    [Fact]
    public async Task Going_back_to_a_person_on_an_escalation_still_open_tells_the_user_before_the_bot_goes_quiet()
    {
        await using var bot = await CrisisInsideCountyFlowAsync();
        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("继续")); // the escalation stays open
        await bot.SayAsync("取消");
        await bot.SayAsync("阿巴阿巴");
        var replies = await bot.SayAsync("嗯"); // the person offered, accepted: back in hand-off on the open escalation
        Assert.Equal(EscalationTexts.AlreadyWaiting, replies[^1]);
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());
        Assert.Empty(await bot.SayAsync("有人吗"));
    }

    [Fact]
    public async Task Misunderstandings_do_not_hand_over_but_a_yes_to_the_offer_does_with_the_question_for_context()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Equal([GuideTexts.NotSureOffer], await bot.SayAsync("阿巴阿巴"));
        Assert.Equal([GuideTexts.NotSureOffer], await bot.SayAsync("呜啦啦"));
        Assert.Empty(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());

        Assert.Equal([Connected], await bot.SayAsync("好"));
        Assert.Equal(EscalationReason.NotUnderstood, Only(bot).Reason);
        // Staff see the question the bot could not answer, not the 「好」 that accepted.
        var userLines = Entries(bot, Only(bot)).Where(e => e.Kind == EntryKind.User).Select(e => e.Text).ToList();
        Assert.Equal(["呜啦啦"], userLines);
        Assert.Empty(await bot.SayAsync("你好？"));
    }

    [Fact]
    public async Task The_offer_lapses_when_the_next_message_is_not_a_yes_and_is_never_kept_in_clear()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Equal([GuideTexts.NotSureOffer], await bot.SayAsync("阿巴阿巴"));
        Assert.NotEqual([Connected], await bot.SayAsync("志愿指南")); // routed as usual
        await bot.SayAsync("取消");
        Assert.DoesNotContain(Connected, await bot.SayAsync("好"));
        Assert.Empty(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());

        Assert.Equal([GuideTexts.NotSureOffer], await bot.SayAsync("呜啦啦呜啦啦"));
        Assert.False(await StoredState.ContainsAsync(bot.Get<IStorage>(), "user1", "呜啦啦呜啦啦"));
        Assert.Equal([Connected], await bot.SayAsync("转人工")); // 转人工 accepts too, with the question for staff
        Assert.Contains(Entries(bot, Only(bot)), e => e.Kind == EntryKind.User && e.Text == "呜啦啦呜啦啦");
    }

    [Fact]
    public async Task Outside_office_hours_the_notice_gives_the_latest_answer_time_and_queue_place_counts_others()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
        await using var weekend = BotHarness.Create(now: saturday);
        await weekend.SayAsync("你好");
        Assert.Equal([EscalationTexts.ConnectedOutOfHours("工作日 09:00-17:30", "周一 09:00")], await weekend.SayAsync("转人工"));

        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好", "a");
        await bot.SayAsync("转人工", "a");
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.SayAsync("你好", "b");
        Assert.Equal([EscalationTexts.ConnectedInHours(1, 30)], await bot.SayAsync("转人工", "b"));
    }

    [Fact]
    public async Task A_county_collected_by_the_running_flow_goes_on_the_escalation()
    {
        await using var bot = BotHarness.Create(CountyFlow.Register);
        await bot.SayAsync("你好");
        await bot.SayAsync("测试区县");
        await bot.SayAsync("婺城区");
        await bot.SayAsync("转人工");
        Assert.Equal("婺城区", Only(bot).County);
    }

    [Fact]
    public async Task A_bound_user_escalates_to_the_district_of_their_roster_entry()
    {
        await using var bot = BotHarness.Create();
        var identity = bot.Get<IdentityService>();
        identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n"));
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("user1", identity.IssueCode(RosterKind.Delegate, "D001").Code)).Status);
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Equal("天台县", Only(bot).County);
    }

    // A WeChat menu tap, as the adapter turns it into an event; returns every text the bot answered.
    private static async Task<IReadOnlyList<string>> TapAsync(BotHarness bot, string name, string key)
    {
        var adapter = bot.Adapter();
        var tap = adapter.MakeActivity();
        tap.Type = ActivityTypes.Event;
        tap.Name = name;
        tap.Value = key;
        await adapter.ProcessActivityAsync(tap, bot.Get<IBot>().OnTurnAsync, CancellationToken.None);
        return adapter.ActiveQueue.Select(a => a.Text).Where(t => !string.IsNullOrEmpty(t)).ToList();
    }

    [Fact]
    public async Task A_menu_tap_while_with_a_person_is_self_service_its_flow_takes_its_answers_and_staff_see_the_tap()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");

        Assert.Contains(DisputeTexts.Intro, await TapAsync(bot, ChannelEvents.MenuClick, "HELP_REQUEST"));
        Assert.Contains(DisputeTexts.AskAge, string.Join("\n", await bot.SayAsync("是"))); // consent, taken by the flow
        Assert.Contains(DisputeTexts.AskAge, string.Join("\n", await bot.SayAsync("继续"))); // asked again; still with a person
        Assert.True(await StoredState.InHandoffAsync(bot.Get<IStorage>(), "user1"));
        Assert.Equal([FlowTexts.Cancelled(DisputeTexts.FlowTitle)], await bot.SayAsync("取消")); // the flow's, not the person's
        Assert.Empty(await bot.SayAsync("还有人吗")); // the flow is over: for the person again

        var lines = Entries(bot, Only(bot)).Where(e => e.Kind == EntryKind.User).Select(e => (e.Text, e.SelfService)).ToList();
        // The answers to the flow are the help request's, not copied to the transcript.
        Assert.Equal([(EscalationTexts.MenuTapLine(DisputeTexts.FlowTitle), true), ("还有人吗", false)], lines);
    }

    [Fact]
    public async Task A_menu_tap_after_staff_closed_without_clearing_the_flag_starts_the_flow()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        bot.Get<EscalationStore>().Change(Only(bot).Id, r => { r.Status = EscalationStatus.Resolved; return null; });

        Assert.Contains(DisputeTexts.Intro, await TapAsync(bot, ChannelEvents.MenuClick, "HELP_REQUEST"));
    }

    [Fact]
    public async Task Ending_when_not_in_handoff_says_so()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        Assert.Equal([EscalationTexts.NotInHandoff], await bot.SayAsync("结束人工"));
    }
}
