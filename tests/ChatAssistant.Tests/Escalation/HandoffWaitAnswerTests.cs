using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// What the bot answers a message it leaves to staff: nothing while a person is expected soon, otherwise the notice at
/// most once an hour and a short receipt in between (real bot, real LiteDB, fake clock; times are Beijing time).
/// </summary>
public sealed class HandoffWaitAnswerTests
{
    private static DateTimeOffset Beijing(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static EscalationRecord Only(BotHarness bot) =>
        Assert.Single(bot.Get<ChatAssistant.Escalation.EscalationStore>().All());

    private static StaffAccount Staff(BotHarness bot) =>
        bot.Get<StaffStore>().Create("wang", "correct horse battery", StaffRoles.Staff, "婺城区", "小王");

    // Sessions that outlive these hours-long waits, so each test is about the answers; the last test is about a session
    // that expires (30 idle minutes by default) during a hand-off.
    private static readonly Dictionary<string, string?> LongSessions = new() { ["Redis:SessionTtl"] = "7.00:00:00" };

    private static async Task<BotHarness> InHandoffAtAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var bot = BotHarness.Create(now: now, settings: settings ?? LongSessions);
        await bot.SayAsync("你好");
        await bot.SayAsync("转人工");
        return bot;
    }

    [Fact]
    public async Task In_office_hours_the_bot_is_quiet_for_the_announced_wait_then_says_staff_are_busy_once_an_hour()
    {
        await using var bot = await InHandoffAtAsync(Beijing(26, 10)); // Thursday
        Assert.Empty(await bot.SayAsync("有人吗"));
        bot.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await bot.SayAsync("还在等"));

        bot.Time.Advance(TimeSpan.FromMinutes(2)); // the 30 minutes announced have passed
        Assert.Equal([EscalationTexts.StaffBusy], await bot.SayAsync("还在吗"));
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal([EscalationTexts.Received], await bot.SayAsync("我再等等"));
        bot.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal([EscalationTexts.StaffBusy], await bot.SayAsync("还是没人吗"));
        Assert.Equal(2, bot.Get<EscalationStore>().Entries(Only(bot).Id).Count(e => e.Text == EscalationTexts.StaffBusy));
    }

    [Fact]
    public async Task A_member_who_acted_within_the_hour_is_taken_to_be_there_even_at_night()
    {
        await using var bot = await InHandoffAtAsync(Beijing(26, 22)); // Thursday night
        bot.Time.Advance(TimeSpan.FromMinutes(70));
        await bot.Get<EscalationDesk>().ReplyAsync(Only(bot).Id, Staff(bot), "你好，我是值班的小王，请说", CancellationToken.None);
        bot.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await bot.SayAsync("我想问问求助的进度"));
        bot.Time.Advance(TimeSpan.FromMinutes(56));
        Assert.Equal([EscalationTexts.StaffAway("今天 09:00")], await bot.SayAsync("你还在吗")); // Friday 00:11
    }

    [Fact]
    public async Task In_office_hours_after_a_night_the_wait_runs_from_the_office_opening()
    {
        await using var bot = await InHandoffAtAsync(Beijing(25, 23)); // Wednesday night
        bot.Time.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(5)); // Thursday 09:05
        Assert.Empty(await bot.SayAsync("早上好，有人吗"));
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal([EscalationTexts.StaffBusy], await bot.SayAsync("有人吗"));
    }

    [Theory]
    [InlineData(26, 7, "今天 09:00")]  // Thursday before the office opens
    [InlineData(26, 18, "明天 09:00")] // Thursday evening
    [InlineData(27, 18, "周一 09:00")] // Friday evening
    [InlineData(28, 10, "周一 09:00")] // Saturday
    public async Task Outside_office_hours_users_are_told_when_staff_are_next_at_work(int day, int hour, string when)
    {
        await using var bot = await InHandoffAtAsync(Beijing(day, hour));
        Assert.Equal(when, bot.Get<WaitNotice>().NextOpening());
        Assert.Contains(EscalationTexts.ConnectedOutOfHours("工作日 09:00-17:30", when), bot.Get<EscalationStore>().Entries(Only(bot).Id).Select(e => e.Text));
        bot.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal([EscalationTexts.StaffAway(when)], await bot.SayAsync("有人吗"));
    }

    [Fact]
    public async Task A_session_that_expires_during_a_hand_off_is_back_in_it_on_the_next_message_unless_the_user_left()
    {
        var sessionsOf30Minutes = new Dictionary<string, string?>();
        await using var bot = await InHandoffAtAsync(Beijing(26, 22), sessionsOf30Minutes);
        bot.Time.Advance(TimeSpan.FromMinutes(45));
        var replies = await bot.SayAsync("还有人吗");
        Assert.Equal(EscalationTexts.Received, replies[^1]); // a new session is welcomed first, then it is the hand-off's
        Assert.Contains(bot.Get<EscalationStore>().Entries(Only(bot).Id), e => e.Kind == EntryKind.User && e.Text == "还有人吗");

        // A crisis the user left with 「结束人工」 stays with staff, but a lost session does not pull the user back.
        await using var other = BotHarness.Create(now: Beijing(26, 22));
        await other.SayAsync("你好");
        await other.SayAsync("我不想活了");
        Assert.Equal([EscalationTexts.LeftUrgent], await other.SayAsync("结束人工"));
        other.Time.Advance(TimeSpan.FromMinutes(45));
        Assert.DoesNotContain(EscalationTexts.Received, await other.SayAsync("阿巴阿巴"));
        Assert.DoesNotContain(other.Get<EscalationStore>().Entries(Only(other).Id), e => e.Text == "阿巴阿巴");
    }
}
