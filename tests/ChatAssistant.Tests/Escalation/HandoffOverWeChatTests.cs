using ChatAssistant.Booking;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Booking;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// The bot never goes silent in a hand-off, end to end over the real WeChat endpoint (signed, encrypted callbacks to
/// the real server with real LiteDB; what the user got for each message is its passive reply plus anything sent by
/// the customer-service API). Misunderstandings, emoji included, do not hand over by themselves; self-service keeps
/// working with a person; outside office hours every message is answered.
/// </summary>
public sealed class HandoffOverWeChatTests : IAsyncLifetime
{
    /// <summary>Thursday 2026-11-26 21:59 in Beijing: office hours are over.</summary>
    private static readonly DateTimeOffset ThursdayNight = new(2026, 11, 26, 13, 59, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow); // Thursday 10:00 Beijing
    private WeChatTestServer _wechat = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var settings = BookingTestData.NoDemo();
        // The flood guard counts real seconds, and these conversations are typed faster than any person (its own tests cover it).
        settings["WeChat:UserMessagesPerMinute"] = "0";
        _wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time);
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    private T Get<T>() where T : notnull => _wechat.Server.Get<T>();

    private EscalationRecord Only() =>
        Assert.Single(Get<ChatAssistant.Escalation.EscalationStore>().All());

    private int Escalations() => Get<ChatAssistant.Escalation.EscalationStore>().All().Count;

    private IReadOnlyList<EscalationEntry> Transcript() => Get<EscalationStore>().Entries(Only().Id);

    private string Connected(bool inHours) => inHours
        ? EscalationTexts.ConnectedInHours(0, 30)
        : EscalationTexts.ConnectedOutOfHours("工作日 09:00-17:30", Get<WaitNotice>().NextOpening());

    [Fact]
    public async Task Not_understood_twice_stays_with_the_bot_a_yes_hands_over_and_self_service_still_answers()
    {
        const string openId = "oSilenceDay";
        var identity = Get<IdentityService>();
        BookingTestData.Bind(identity, ("D001", "张三", openId));
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,张三,天台县\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync(openId, identity.IssueCode(RosterKind.Volunteer, "V001").Code)).Status);
        var studio = BookingTestData.Studio(Get<IStudioStore>());
        var booked = Get<BookingService>().Book(new DelegateRef("D001", "wechat", openId), studio.Id, BookingTestData.At(12, 1, 14)).Booking!;
        var clock = Get<AssistantClock>();
        var chat = new WeChatChat(_wechat, openId);
        await chat.SayAsync("你好");

        // Two emoji and two questions the bot cannot answer: answered every time, and nobody is called in.
        Assert.NotEqual("", await chat.SayAsync("😂"));
        Assert.NotEqual("", await chat.SayAsync("🙏🙏"));
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync("阿巴阿巴"));
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync("呜啦啦呜啦啦"));
        Assert.Equal(0, Escalations());

        // The offer, accepted with a short yes.
        Assert.Equal(Connected(inHours: true), await chat.SayAsync("好"));
        Assert.Equal(EscalationReason.NotUnderstood, Only().Reason);

        // With a person: the self-service commands of the issue still work, a flow's questions included.
        Assert.Equal(DisputeTexts.NoTickets, await chat.SayAsync("我的求助"));
        Assert.StartsWith(BookingTexts.CancelHeading, await chat.SayAsync("取消值班"));
        Assert.Equal(BookingTexts.CancelConfirm(clock, booked) + "\n" + ChatAssistant.Conversation.Flows.FlowTexts.ConfirmFooter, await chat.SayAsync("1"));
        Assert.Equal(BookingTexts.Cancelled(clock, booked), await chat.SayAsync("是"));
        Assert.Equal(HoursTexts.NoRecords, await chat.SayAsync("我的时长"));
        Assert.NotEqual("", await chat.SayAsync("兑换"));
        Assert.StartsWith(ConversationTexts.MenuHeading, await chat.SayAsync("菜单"));

        // A message for the person, in office hours within the announced wait: theirs to answer (docs/CONSOLE.md).
        Assert.Equal("", await chat.SayAsync("请帮我看看上周的活动为什么没有记录"));
        Assert.Equal(EscalationTexts.EndedByUser, await chat.SayAsync("结束人工"));

        var lines = Transcript().Where(e => e.Kind == EntryKind.User).Select(e => (e.Text, e.SelfService)).ToList();
        Assert.Equal(
        [
            ("呜啦啦呜啦啦", false), // what the bot did not understand, for context
            ("我的求助", true), ("取消值班", true), ("我的时长", true), ("兑换", true), ("菜单", true), // not the 1 and 是 that answered its flow
            ("请帮我看看上周的活动为什么没有记录", false),
            ("结束人工", false),
        ], lines);
    }

    [Theory]
    [InlineData("requested")]
    [InlineData("accepted")]
    [InlineData("crisis")]
    public async Task At_night_five_messages_over_an_hour_get_one_notice_an_hour_self_service_answers_and_no_silence(string how)
    {
        _time.SetUtcNow(ThursdayNight);
        var chat = new WeChatChat(_wechat, "oSilenceNight" + how);
        await chat.SayAsync("你好");
        var connected = Connected(inHours: false);
        Assert.Contains("明天 09:00", connected);
        switch (how)
        {
            case "requested":
                Assert.Equal(connected, await chat.SayAsync("转人工"));
                break;
            case "accepted":
                Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync("阿巴阿巴"));
                _time.Advance(TimeSpan.FromMinutes(1));
                Assert.Equal(connected, await chat.SayAsync("嗯"));
                break;
            default:
                // A crisis is not told to wait for office hours (issue #28): nobody is on call here, 12355 is.
                connected = EscalationTexts.ConnectedUrgentNobodyOnCall;
                Assert.Equal(SafetyTexts.CrisisReply + "\n\n" + connected, await chat.SayAsync("我不想活了"));
                Assert.True(Only().Urgent);
                break;
        }
        var notice = how == "crisis" ? EscalationTexts.StaffAlertedUrgent : EscalationTexts.StaffAway("明天 09:00");

        var received = new List<string>();
        foreach (var (after, text) in new[] { (10, "有人吗"), (15, "我的时长"), (15, "我在等你们回复"), (15, "取消值班"), (10, "还在吗") })
        {
            _time.Advance(TimeSpan.FromMinutes(after));
            received.Add(await chat.SayAsync(text));
        }

        // The notice that opened the hand-off counts as the first hour's; the next one is due an hour later.
        Assert.Equal(
        [
            EscalationTexts.Received,
            IdentityTexts.NotBound(RosterKind.Volunteer),
            EscalationTexts.Received,
            IdentityTexts.NotBound(RosterKind.Delegate),
            notice,
        ], received);
        var told = Transcript().Where(e => e.Kind == EntryKind.Bot).Select(e => e.Text).Where(t => t != SafetyTexts.CrisisReply).ToList();
        Assert.Equal([connected, notice], told);
        var selfService = Transcript().Where(e => e.SelfService).Select(e => e.Text).ToList();
        Assert.Equal(["我的时长", "取消值班"], selfService);
    }
}
