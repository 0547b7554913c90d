using System.Globalization;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Escalation;
using ChatAssistant.Feedback;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// Self-service during a hand-off (the real bot, real LiteDB; Thursday 10:00 Beijing, in office hours, so a message for
/// the person gets no bot answer): which messages the bot still answers, how a flow started then keeps its answers,
/// and what happens to the flow that was running when the user asked for a person.
/// </summary>
public sealed class HandoffSelfServiceTests
{
    private static EscalationRecord Only(BotHarness bot) =>
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());

    private static IReadOnlyList<(string Text, bool SelfService)> UserLines(BotHarness bot) =>
        bot.Get<EscalationStore>().Entries(Only(bot).Id).Where(e => e.Kind == EntryKind.User).Select(e => (e.Text, e.SelfService)).ToList();

    private static string FeedbackNumber(BotHarness bot) =>
        (bot.Get<IntentRouter>().Menu.ToList().FindIndex(i => i.Id == "feedback") + 1).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_flow_running_when_the_user_asked_for_a_person_waits_while_a_self_service_flow_runs_then_继续_returns_to_it()
    {
        await using var bot = BotHarness.Create(CountyFlow.Register);
        await bot.SayAsync("你好");
        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("测试区县"));
        await bot.SayAsync("转人工");

        Assert.StartsWith(FeedbackTexts.AskTopic, (await bot.SayAsync("意见建议"))[0]);
        Assert.Equal([FeedbackTexts.AskContent], await bot.SayAsync("1"));
        await bot.SayAsync("希望增加更多线上的志愿活动");
        var done = await bot.SayAsync("是");
        Assert.StartsWith("已收到，谢谢你！", Assert.Single(done)); // and not 「我们继续刚才的「测试区县」」 in the middle of a hand-off

        Assert.Empty(await bot.SayAsync("有人吗")); // for the person again
        Assert.Equal(["你在哪个区县？"], await bot.SayAsync("继续")); // the form is back, as before
        Assert.Equal([("意见建议", true), ("有人吗", false), ("继续", false)], UserLines(bot)); // not the suggestion itself
    }

    [Fact]
    public async Task A_bare_number_is_for_the_person_but_right_after_菜单_it_picks_from_the_menu()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        var number = FeedbackNumber(bot);

        Assert.Empty(await bot.SayAsync(number));
        Assert.StartsWith(ConversationTexts.MenuHeading, Assert.Single(await bot.SayAsync("菜单")));
        Assert.StartsWith(FeedbackTexts.AskTopic, Assert.Single(await bot.SayAsync(number)));
        Assert.Equal([(number, false), ("菜单", true), (number, true)], UserLines(bot));
    }

    [Fact]
    public async Task A_message_a_self_service_flow_lets_go_and_nothing_else_takes_is_left_to_staff()
    {
        await using var bot = BotHarness.Create(now: new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero)); // 22:00 Beijing
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        await bot.SayAsync("志愿指南"); // a pick-a-number list that lets other text go
        Assert.Equal([EscalationTexts.Received], await bot.SayAsync("阿巴阿巴阿巴"));
        Assert.Equal([("志愿指南", true), ("阿巴阿巴阿巴", false)], UserLines(bot));
    }

    [Theory]
    [InlineData("找工作人员")]
    [InlineData("转人工")]
    public async Task Asking_for_a_person_again_says_the_user_is_waiting(string again)
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Equal([EscalationTexts.AlreadyWaiting], await bot.SayAsync(again));
        Assert.DoesNotContain(UserLines(bot), l => l.SelfService);
    }

    [Fact]
    public async Task A_long_message_with_a_keyword_is_for_the_person_a_short_request_is_self_service()
    {
        await using var bot = BotHarness.Create();
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        Assert.Empty(await bot.SayAsync("我上周参加了社区活动，我的时长到现在还没有加上，麻烦帮我查一下"));
        Assert.NotEmpty(await bot.SayAsync("查一下我的时长"));
        Assert.Equal([("我上周参加了社区活动，我的时长到现在还没有加上，麻烦帮我查一下", false), ("查一下我的时长", true)], UserLines(bot));
    }

    [Fact]
    public async Task Staff_closing_while_a_self_service_flow_runs_brings_the_flows_set_aside_back()
    {
        await using var bot = BotHarness.Create(CountyFlow.Register);
        await bot.SayAsync("你好");
        await bot.SayAsync("测试区县");
        await bot.SayAsync("转人工");
        Assert.StartsWith(FeedbackTexts.AskTopic, (await bot.SayAsync("意见建议"))[0]);

        var staff = bot.Get<StaffStore>().Create("wang", "correct horse battery", StaffRoles.Staff, "婺城区", "小王");
        Assert.True((await bot.Get<EscalationDesk>().ResolveAsync(Only(bot).Id, staff, null, CancellationToken.None)).Outcome.Ok);

        // Back with the bot: the suggestion is finished, then the form that was set aside resumes as it always would.
        Assert.Equal([FeedbackTexts.AskContent], await bot.SayAsync("1"));
        await bot.SayAsync("希望增加更多线上的志愿活动");
        var done = await bot.SayAsync("是");
        Assert.Equal([FlowTexts.Resuming("测试区县"), "你在哪个区县？"], done.Skip(1));
    }
}
