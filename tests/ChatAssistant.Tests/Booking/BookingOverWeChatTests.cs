using System.Diagnostics;
using System.Globalization;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Booking;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// Booking and checking in end to end through the real WeChat endpoint: signed, encrypted callbacks over real HTTP
/// to the real server (Kestrel, real LiteDB) with the fake WeChat API. The clock is fake — now is Thu 2026-11-26
/// 10:00 Beijing, the server's zone UTC — and the signed timestamps come from the same clock, so the adapter's
/// 5-minute window holds whenever a test moves it. A fake clock also means the 4 s reply deadline never fires, so
/// every answer comes back as the passive reply; customer-service sends are read too, so nothing a user got is missed.
/// </summary>
public sealed class BookingOverWeChatTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Delegates = 50;
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private WeChatTestServer _wechat = null!;
    private HttpClient _client = null!;
    private Studio _studio = null!;
    private long _msgId = 7_000_000;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: BookingTestData.NoDemo(), time: _time);
        // Tue/Thu 14–16, Wed 14–18, Sat 09–11, one place per slot.
        _studio = BookingTestData.Studio(Get<IStudioStore>(), places: 1);
        // With a fake clock the reply deadline never fires, so a turn slowed by a busy machine holds its request
        // open instead of answering "success"; this client waits longer than the harness's 30 s for that.
        _client = _wechat.Server.CreateClient(cookies: false);
        _client.Timeout = TimeSpan.FromMinutes(3);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _wechat.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _wechat.Server.Get<T>();

    private static string OpenId(int i) => $"oDelegate{i:D3}";

    private static string MemberId(int i) => $"D{i:D3}";

    [Fact]
    public async Task Fifty_delegates_booking_one_place_over_WeChat_get_one_booking_and_49_refusals_with_alternatives()
    {
        var people = Enumerable.Range(1, Delegates).Select(i => (MemberId(i), $"代表{i}", OpenId(i))).ToArray();
        BookingTestData.Bind(Get<IdentityService>(), people);
        // Loads the date recognizer's models once, so the parallel turns measure booking rather than start-up.
        Assert.NotNull(Get<DateTimeReader>().ReadFirst("12月3日14:00-16:00"));

        // Thursday 12月3日 14:00–16:00 is exactly one slot with one place, so every delegate is asked to confirm it.
        var clock = Stopwatch.StartNew();
        var asked = await AllAtOnceAsync(i => SayAsync(OpenId(i), "预约值班 12月3日14:00-16:00"));
        output.WriteLine($"{Delegates} parallel booking requests answered in {clock.ElapsedMilliseconds} ms");
        Assert.All(asked, reply => Assert.Contains(
            "请确认值班预约：\n时间：12月3日(周四) 14:00-16:00\n地点：测试工作室（赤城路 1 号）\n" + FlowTexts.ConfirmFooter, reply));

        clock.Restart();
        var answers = await AllAtOnceAsync(i => SayAsync(OpenId(i), "是"));
        output.WriteLine($"{Delegates} parallel confirmations answered in {clock.ElapsedMilliseconds} ms");
        await _wechat.DrainAsync();
        var received = Enumerable.Range(1, Delegates).ToDictionary(i => i, i => Received(OpenId(i), answers[i - 1]));

        var winner = Assert.Single(received, r => r.Value.Contains("预约成功！12月3日(周四) 14:00-16:00 在测试工作室值班。", StringComparison.Ordinal)).Key;
        var refused = received.Where(r => r.Key != winner).Select(r => r.Value).ToList();
        Assert.Equal(Delegates - 1, refused.Count);
        // The refusal says the slot is gone and lists the nearest free slots (in time order) to pick by number.
        var refusal =
            BookingTexts.FullNow("12月3日(周四) 14:00") + BookingTexts.NearestHeading + "\n\n" +
            BookingTexts.ChooseHeading + "\n" +
            "1. 12月1日(周二) 14:00-16:00 测试工作室（剩 1 个名额）\n" +
            "2. 12月2日(周三) 14:00-16:00 测试工作室（剩 1 个名额）\n" +
            "3. 12月2日(周三) 16:00-18:00 测试工作室（剩 1 个名额）\n" +
            "4. 12月5日(周六) 09:00-11:00 测试工作室（剩 1 个名额）\n" +
            "5. 12月8日(周二) 14:00-16:00 测试工作室（剩 1 个名额）\n" + BookingTexts.ChooseFooter;
        Assert.All(refused, text => Assert.Equal(refusal, text));

        var stored = Get<ILiteDatabase>().GetCollection<DutyBooking>(ChatAssistant.Booking.LiteDb.LiteBookingStore.Collection).FindAll().ToList();
        var booking = Assert.Single(stored);
        Assert.Equal((_studio.Id, BookingTestData.At(12, 3, 14), BookingStatus.Booked), (booking.StudioId, booking.Start, booking.Status));
        Assert.Equal((MemberId(winner), WeChatAdapter.ChannelId, OpenId(winner)), (booking.MemberId, booking.ChannelId, booking.UserId));
        Assert.Empty(_wechat.Undelivered.List());

        // The list a refused delegate got is live: number 3 books the Wednesday 16–18 slot.
        var loser = winner == 1 ? 2 : 1;
        Assert.Contains("12月2日(周三) 16:00-18:00", await SayAsync(OpenId(loser), "3"));
        Assert.Contains("预约成功！12月2日(周三) 16:00-18:00", await SayAsync(OpenId(loser), "是"));
        Assert.Equal(BookingTestData.At(12, 2, 16), Assert.Single(Get<BookingService>().Upcoming(MemberId(loser))).Start);
    }

    [Fact]
    public async Task Scanning_the_door_codes_over_WeChat_inside_the_slot_window_records_attendance()
    {
        BookingTestData.Bind(Get<IdentityService>(), (MemberId(1), "张三", OpenId(1)));
        var who = new DelegateRef(MemberId(1), WeChatAdapter.ChannelId, OpenId(1));
        var booking = Get<BookingService>().Book(who, _studio.Id, BookingTestData.At(11, 26, 14)).Booking!;
        var store = Get<IBookingStore>();

        // At 10:00 the window (13:30–16:30) is not open yet: the delegate is told when to come, nothing is recorded.
        Assert.Equal(
            "现在不在签到时间内。你在测试工作室的下一次值班是 11月26日(周四) 14:00-16:00，请在开始前后 30 分钟内扫码签到。",
            await ScanAsync(OpenId(1), "duty:" + _studio.Id));
        Assert.Equal(Attendance.Unknown, store.Find(booking.Id)!.Attendance);

        // The printed code, which a photo replays from anywhere, records a self-reported check-in for staff to confirm.
        var arrived = BookingTestData.At(11, 26, 14).AddMinutes(5);
        _time.SetUtcNow(arrived);
        Assert.StartsWith("已收到你的签到：测试工作室 11月26日(周四) 14:00-16:00 的值班已记为「自报出勤」", await ScanAsync(OpenId(1), "duty:" + _studio.Id));
        Assert.Equal(Attendance.SelfReported, store.Find(booking.Id)!.Attendance);

        // The door screen's current code confirms it.
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(
            "签到成功！测试工作室 11月26日(周四) 14:00-16:00 的值班已记为出勤。辛苦了！",
            await ScanAsync(OpenId(1), await BookingTestData.ScreenSceneAsync(_wechat.Services, _studio.Id)));
        var row = store.Find(booking.Id)!;
        Assert.Equal((Attendance.Attended, "door-screen"), (row.Attendance, row.AttendanceBy));
        Assert.Equal(arrived.AddMinutes(1), row.CheckedInAt);

        // An unbound scanner gets the binding hint and changes nothing.
        Assert.Equal(IdentityTexts.NotBound(RosterKind.Delegate), await ScanAsync("oStranger", "duty:" + _studio.Id));
        Assert.Single(store.InSlot(_studio.Id, BookingTestData.At(11, 26, 14)));
    }

    /// <summary>Runs one call per delegate, released together, and returns their results in delegate order.</summary>
    private static Task<string[]> AllAtOnceAsync(Func<int, Task<string>> call) => BookingTestData.AllAtOnceAsync(Delegates, call);

    /// <summary>Posts a signed, encrypted text message and returns the passive reply's text ("" when answered "success").</summary>
    private async Task<string> SayAsync(string openId, string text)
    {
        var xml = WeChatRequestBuilder.Text(openId, text, Interlocked.Increment(ref _msgId), createTime: _time.GetUtcNow().ToUnixTimeSeconds());
        return await PostAsync(xml);
    }

    /// <summary>Posts a signed, encrypted SCAN event for a parametric QR code and returns the passive reply's text.</summary>
    private async Task<string> ScanAsync(string openId, string scene)
    {
        var xml = WeChatXml.Write(
        [
            new("ToUserName", "gh_test"), new("FromUserName", openId),
            new("CreateTime", _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("MsgType", "event"), new("Event", "SCAN"), new("EventKey", scene), new("Ticket", "TICKET"),
        ]);
        return await PostAsync(xml);
    }

    private async Task<string> PostAsync(string xml)
    {
        using var response = await _client.SendAsync(_wechat.Requests.Post(xml, WeChatMode.Safe));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        return body == "success" ? "" : _wechat.Requests.ReadReply(body)["Content"];
    }

    /// <summary>What a user saw of the last turn: its passive reply, then whatever went through the customer-service API.</summary>
    private string Received(string openId, string passive) =>
        string.Join("\n\n", new[] { passive }.Concat(_wechat.Api.TextsTo(openId)).Where(t => t.Length > 0));
}
