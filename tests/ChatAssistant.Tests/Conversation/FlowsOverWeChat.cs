using ChatAssistant.Booking;
using ChatAssistant.Disputes;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Booking;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Conversation;

/// <summary>
/// The real server over the real WeChat endpoint (signed, encrypted callbacks; real LiteDB) for conversation tests of
/// the flow engine: now is Thu 2026-11-26 10:00 Beijing with the server in UTC; one studio (Tue/Thu 14–16, Wed
/// 14–18, Sat 09–11, one place); the counties are Taizhou's, so 「天台」 has a 天台县 to mean.
/// </summary>
public abstract class FlowsOverWeChat : IAsyncLifetime
{
    protected const string Delegate = "oDelegate001";
    protected const string DelegateMember = "D001";

    /// <summary>An account of bullying, the kind a help request must never make the user type twice.</summary>
    protected const string Story = "同学总在班级群里给我起难听的外号，还拿走我的文具，我想请老师帮忙。";

    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);

    protected WeChatTestServer WeChat { get; private set; } = null!;

    /// <summary>The fake clock the server and the signed timestamps share (each message moves it four seconds).</summary>
    protected FakeTimeProvider Time => _time;

    protected Studio Studio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var settings = BookingTestData.NoDemo();
        settings["WeChat:UserMessagesPerMinute"] = "0"; // a whole conversation within one minute of the fake clock
        string[] counties = ["临海市", "天台县", "仙居县", "三门县", "其他地区"];
        for (var i = 0; i < counties.Length; i++) settings[$"Disputes:Counties:{i}"] = counties[i];
        WeChat = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time);
        Studio = BookingTestData.Studio(Get<IStudioStore>(), places: 1);
    }

    public async Task DisposeAsync() => await WeChat.DisposeAsync();

    protected T Get<T>() where T : notnull => WeChat.Server.Get<T>();

    /// <summary>A user who has been greeted (the menu is no longer the last thing they saw).</summary>
    protected async Task<WeChatChat> GreetedAsync(string openId)
    {
        var chat = new WeChatChat(WeChat, openId);
        Assert.Contains("我可以帮你", await chat.SayAsync("你好"));
        return chat;
    }

    /// <summary>Puts <see cref="Delegate"/> on the delegates' roster, bound to its OpenID.</summary>
    protected void BindDelegate() => BookingTestData.Bind(Get<IdentityService>(), (DelegateMember, "张三", Delegate));

    protected DutyBooking Book(DateTimeOffset start) =>
        Get<BookingService>().Book(new DelegateRef(DelegateMember, ChatAssistant.Adapters.WeChat.WeChatAdapter.ChannelId, Delegate), Studio.Id, start).Booking!;

    protected IReadOnlyList<Ticket> Tickets() =>
        Get<ILiteDatabase>().GetCollection<Ticket>(TicketService.Collection).FindAll().ToList();

    protected string Reveal(Ticket ticket, string field) => Get<TicketFieldReader>().Reveal(ticket, field)!;

    /// <summary>「求助」 → consent → 「14到18岁」 → 「天台」: the request now holds answers and asks the category.</summary>
    protected static async Task StartHelpRequestAsync(WeChatChat chat)
    {
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("天台"));
    }
}
