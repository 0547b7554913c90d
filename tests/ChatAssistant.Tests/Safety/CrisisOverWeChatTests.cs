using ChatAssistant.Booking;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Identity;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Booking;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// The crisis check end to end over the WeChat endpoint (signed, encrypted callbacks to the real server): a crisis
/// inside a booking, inside a help request's description, inside a requested hand-off; a borderline message; and the
/// assistant's own option text typed back.
/// </summary>
public sealed class CrisisOverWeChatTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private WeChatTestServer _wechat = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        // The flood guard counts real seconds (a test types a dozen messages in one): raised, not off.
        var settings = BookingTestData.NoDemo();
        settings["WeChat:UserMessagesPerMinute"] = "600";
        _wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time);
    }

    public Task DisposeAsync() => _wechat.DisposeAsync().AsTask();

    private T Get<T>() where T : notnull => _wechat.Server.Get<T>();

    private List<EscalationRecord> Escalations() =>
        Get<ChatAssistant.Escalation.EscalationStore>().All().ToList();

    [Fact]
    public async Task A_crisis_inside_a_booking_is_answered_first_escalated_and_the_booking_waits()
    {
        BookingTestData.Studio(Get<IStudioStore>());
        BookingTestData.Bind(Get<IdentityService>(), ("D001", "代表一", "oDelegate001"));
        var chat = new WeChatChat(_wechat, "oDelegate001");
        await chat.SayAsync("你好");
        var asked = await chat.SayAsync("预约值班");

        var answer = await chat.SayAsync("我真的撑不下去了，今晚想从宿舍楼顶下去");
        Assert.StartsWith(SafetyTexts.CrisisReply, answer);
        Assert.Contains(SafetyTexts.ResumeHint(BookingTexts.BookTitle), answer);
        var escalation = Assert.Single(Escalations());
        Assert.Equal((EscalationReason.Crisis, true, "Suicide"), (escalation.Reason, escalation.Urgent, escalation.CrisisCategory));

        // The booking kept its place: 「继续」 asks its question again.
        var resumed = await chat.SayAsync("继续");
        Assert.Contains(asked.Split('\n')[0], resumed);
    }

    [Fact]
    public async Task A_crisis_written_as_a_help_requests_description_is_kept_and_the_request_is_filed()
    {
        var chat = new WeChatChat(_wechat, "oStudent001");
        await chat.SayAsync("你好");
        await chat.SayAsync("求助");
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        await chat.SayAsync("2");
        await chat.SayAsync("1");
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("2"));

        var answer = await chat.SayAsync("继父晚上总是进我房间摸我，还不许我告诉妈妈");
        Assert.StartsWith(SafetyTexts.CrisisReply, answer);
        Assert.Equal("Abuse", Assert.Single(Escalations()).CrisisCategory);

        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayAsync("继续"));
        // The option we offer, typed back in words: not a crisis, just the answer.
        var phone = await chat.SayAsync(DisputeTexts.ContactPhone);
        Assert.Contains(DisputeTexts.AskPhone, phone);
        Assert.DoesNotContain(SafetyTexts.CrisisReply, phone);
        Assert.Contains(DisputeTexts.AskIdentity, await chat.SayAsync("13800138000"));
        Assert.Contains("请确认你的求助", await chat.SayAsync("1"));
        Assert.Contains("已提交", await chat.SayAsync("是"));
        var ticket = Assert.Single(DisputeFixtures.AllTickets(_wechat.Services));
        Assert.Equal("继父晚上总是进我房间摸我，还不许我告诉妈妈", Get<TicketFieldReader>().Reveal(ticket, TicketFields.Description));
        Assert.Single(Escalations()); // picking 打我的手机 raised no second alarm
    }

    [Fact]
    public async Task A_crisis_inside_a_requested_hand_off_upgrades_it_to_urgent_and_is_answered_not_silenced()
    {
        var chat = new WeChatChat(_wechat, "oStudent002");
        await chat.SayAsync("你好");
        Assert.Contains("已为你转接人工服务", await chat.SayAsync("转人工"));
        Assert.Equal(EscalationReason.UserAsked, Assert.Single(Escalations()).Reason);

        var answer = await chat.SayAsync("放学后那几个人说要弄死我");
        Assert.StartsWith(SafetyTexts.CrisisReply, answer);
        var escalation = Assert.Single(Escalations());
        Assert.Equal((EscalationReason.Crisis, true, "Violence"), (escalation.Reason, escalation.Urgent, escalation.CrisisCategory));
        var transcript = Get<EscalationStore>().Entries(escalation.Id);
        Assert.Contains(transcript, e => e.Kind == EntryKind.User && e.Text == "放学后那几个人说要弄死我");
        Assert.Contains(transcript, e => e.Kind == EntryKind.Bot && e.Text == SafetyTexts.CrisisReply);
    }

    [Fact]
    public async Task A_borderline_message_gets_the_gentle_check_and_everyday_phrases_raise_no_alarm()
    {
        var chat = new WeChatChat(_wechat, "oStudent003");
        await chat.SayAsync("你好");
        var check = await chat.SayAsync("今天好难过啊");
        Assert.Equal(SafetyTexts.GentleCheck, check);
        Assert.Contains("12355", check);

        foreach (var everyday in new[] { "有事打我电话", "打我的手机", "笑死我了", "这道题我跟它死磕", "商场跳楼价", "别打我主意" })
            Assert.DoesNotContain(SafetyTexts.CrisisReply, await chat.SayAsync(everyday));
        Assert.DoesNotContain(Escalations(), e => e.Urgent || e.Reason == EscalationReason.Crisis);
    }
}
