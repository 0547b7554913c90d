using ChatAssistant.Adapters;
using ChatAssistant.Booking;
using ChatAssistant.Booking.Door;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Booking;

/// <summary>Delegates booking, listing, cancelling and checking in by chat (TestFlow, real LiteDB, now = Thu 2026-11-26 10:00).</summary>
public sealed class BookingConversationTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private BookingService _service = null!;
    private Studio _studio = null!;

    public Task InitializeAsync()
    {
        _bot = BotHarness.Create(settings: BookingTestData.NoDemo());
        _service = _bot.Get<BookingService>();
        _studio = BookingTestData.Studio(_bot.Get<IStudioStore>());
        BookingTestData.Bind(_bot.Get<IdentityService>(), ("D001", "张三", "user1"), ("D002", "李四", "user2"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour) => BookingTestData.At(month, day, hour);

    private Task<IReadOnlyList<string>> Say(string text, string user = "user1") => _bot.SayAsync(text, user);

    [Fact]
    public async Task A_time_in_the_message_that_matches_one_slot_is_confirmed_then_booked()
    {
        await Say("你好");
        // Tuesday afternoons have one slot (Wednesday's two are listed: BookingMinorsOverWeChatTests).
        var confirm = await Say("我想下周二下午去值班");
        Assert.Equal(["请确认值班预约：\n时间：12月1日(周二) 14:00-16:00\n地点：测试工作室（赤城路 1 号）\n" + FlowTexts.ConfirmFooter], confirm);

        var booked = await Say("是");
        Assert.StartsWith("预约成功！12月1日(周二) 14:00-16:00 在测试工作室值班。", Assert.Single(booked));
        var mine = _service.Upcoming("D001");
        Assert.Equal(At(12, 1, 14), Assert.Single(mine).Start);
        Assert.Equal("user1", mine[0].UserId);
    }

    [Fact]
    public async Task A_full_slot_offers_the_nearest_free_slots_and_one_can_be_booked_by_number()
    {
        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D002"), _studio.Id, At(12, 2, 14)).Status);
        await Say("你好");
        var replies = await Say("下周三下午两点到四点我要值班");
        Assert.Equal(2, replies.Count);
        Assert.Equal(BookingTexts.SlotFull("12月2日(周三) 14:00-16:00") + BookingTexts.NearestHeading, replies[0]);
        Assert.Equal(
            BookingTexts.ChooseHeading + "\n" +
            "1. 11月28日(周六) 09:00-11:00 测试工作室（剩 1 个名额）\n" +
            "2. 12月1日(周二) 14:00-16:00 测试工作室（剩 1 个名额）\n" +
            "3. 12月2日(周三) 16:00-18:00 测试工作室（剩 1 个名额）\n" +
            "4. 12月3日(周四) 14:00-16:00 测试工作室（剩 1 个名额）\n" +
            "5. 12月5日(周六) 09:00-11:00 测试工作室（剩 1 个名额）\n" + BookingTexts.ChooseFooter, replies[1]);

        Assert.Contains("12月2日(周三) 16:00-18:00", Assert.Single(await Say("3")));
        Assert.StartsWith("预约成功！12月2日(周三) 16:00-18:00", Assert.Single(await Say("是")));
    }

    [Fact]
    public async Task A_slot_taken_while_the_user_confirms_is_refused_with_alternatives()
    {
        await Say("你好");
        var list = Assert.Single(await Say("预约值班"));
        Assert.StartsWith(BookingTexts.ChooseHeading + "\n1. 11月26日(周四) 14:00-16:00", list);
        await Say("1");
        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D002"), _studio.Id, At(11, 26, 14)).Status);

        var replies = await Say("是");
        Assert.Equal(BookingTexts.FullNow("11月26日(周四) 14:00") + BookingTexts.NearestHeading, replies[0]);
        Assert.StartsWith(BookingTexts.ChooseHeading + "\n1. 11月28日(周六) 09:00-11:00", replies[1]);
        Assert.Empty(_service.Upcoming("D001"));
    }

    [Fact]
    public async Task My_duties_lists_upcoming_bookings_and_this_years_count_against_the_requirement()
    {
        _service.Book(BookingTestData.Who("D001") with { UserId = "user1" }, _studio.Id, At(11, 26, 14));
        _service.Book(BookingTestData.Who("D001") with { UserId = "user1" }, _studio.Id, At(12, 2, 14));
        // Sessions expire when idle, so the conversation starts at the studio.
        _bot.Time.SetUtcNow(At(11, 26, 14).AddMinutes(5));
        await Say("你好");
        Assert.StartsWith("签到成功！测试工作室 11月26日(周四) 14:00-16:00", Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, await Screen())));

        var mine = Assert.Single(await Say("我的值班"));
        Assert.Equal("你的值班预约：\n1. 11月26日(周四) 14:00-16:00 测试工作室\n2. 12月2日(周三) 14:00-16:00 测试工作室\n今年已值班 1 次，还需 1 次（每年不少于 2 次，每次不少于 2 小时）。\n需要取消请回复「取消值班」。", mine);
    }

    [Fact]
    public async Task Cancelling_works_before_the_cutoff_and_is_refused_after_it()
    {
        var soon = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(11, 26, 14)).Booking!;
        var later = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        await Say("你好");

        var list = Assert.Single(await Say("取消值班"));
        Assert.Equal(BookingTexts.CancelHeading + "\n1. 11月26日(周四) 14:00-16:00 测试工作室（已过取消期限）\n2. 12月2日(周三) 14:00-16:00 测试工作室\n回复序号选择。", list);
        Assert.Equal(["11月26日(周四) 14:00-16:00 的值班距离开始已不足 24 小时，不能在线取消了。如确有急事，请回复「转人工」联系工作人员。"], await Say("1"));
        Assert.Equal(BookingStatus.Booked, _bot.Get<IBookingStore>().Find(soon.Id)!.Status);

        await Say("我想取消值班");
        Assert.Equal(["确定取消 12月2日(周三) 14:00-16:00 的值班吗？\n" + FlowTexts.ConfirmFooter], await Say("2"));
        Assert.StartsWith("已取消 12月2日(周三) 14:00-16:00 的值班。", Assert.Single(await Say("是")));
        Assert.Equal(BookingStatus.Cancelled, _bot.Get<IBookingStore>().Find(later.Id)!.Status);
        Assert.Equal(ReminderState.Cancelled, _bot.Get<IReminderStore>().Find(later.Id)!.State);
    }

    [Fact]
    public async Task An_unbound_user_is_told_how_to_bind_and_wrong_codes_lead_to_a_lockout()
    {
        var notBound = IdentityTexts.NotBound(RosterKind.Delegate);
        await Say("你好", "stranger");
        Assert.Equal([notBound], await Say("预约值班", "stranger"));
        Assert.Equal([notBound], await Say("我的值班", "stranger"));
        Assert.Equal([notBound], await Say("取消值班", "stranger"));
        Assert.Equal([notBound], await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, "duty:" + _studio.Id, "stranger"));

        var identity = _bot.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD003,王五,天台县\n")).Ok);
        var code = identity.IssueCode(RosterKind.Delegate, "D003").Code;
        for (var left = IdentityService.MaxWrongCodes - 1; left > 0; left--)
            Assert.Equal([IdentityTexts.WrongCode(left)], await Say("绑定 1234567" + left, "stranger"));
        Assert.Equal([IdentityTexts.LockedOut], await Say("绑定 12345670", "stranger"));
        Assert.Equal([IdentityTexts.LockedOut], await Say("绑定 " + code, "stranger"));
        Assert.Equal([notBound], await Say("预约值班", "stranger"));

        await Say("你好", "newcomer");
        Assert.Contains("绑定成功", (await Say("绑定 " + code, "newcomer"))[^1]);
        Assert.StartsWith(BookingTexts.ChooseHeading, Assert.Single(await Say("预约值班", "newcomer")));
    }

    [Fact]
    public async Task The_BOOKING_menu_key_lists_the_next_free_slots()
    {
        await Say("你好");
        var list = Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.MenuClick, "BOOKING"));
        Assert.StartsWith(BookingTexts.ChooseHeading + "\n1. 11月26日(周四) 14:00-16:00 测试工作室（剩 1 个名额）\n2. 11月28日(周六) 09:00-11:00", list);
    }

    [Fact]
    public async Task Scanning_the_door_code_outside_the_window_explains_when_to_come()
    {
        _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14));
        await Say("你好");
        var reply = Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, "duty:" + _studio.Id));
        Assert.Equal("现在不在签到时间内。你在测试工作室的下一次值班是 12月2日(周三) 14:00-16:00，请在开始前后 30 分钟内扫码签到。", reply);
        Assert.Equal(Attendance.Unknown, _service.Upcoming("D001")[0].Attendance);
        Assert.Equal([BookingTexts.UnknownStudio], await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, "duty:x"));
    }

    [Fact]
    public async Task A_month_day_passed_long_ago_is_next_years_past_the_horizon_and_shown_with_its_year()
    {
        _bot.Time.SetUtcNow(BookingTestData.At(12, 2, 10));
        await Say("你好");
        // 10月20日 passed six weeks ago, longer than DateTimeReader.RecentPast: next year's, too far to book.
        var reply = await Say("我想10月20日下午两点去值班");
        Assert.StartsWith("2027年10月20日(周三) 14:00 太远了，值班只能预约 60 天以内的时段。", reply[0]);
        Assert.DoesNotContain(reply, r => r.Contains("请确认值班预约", StringComparison.Ordinal));
        // Yesterday is said passed (BookingMinorsOverWeChatTests has the conversation).
        await Say("取消");
        Assert.Equal(BookingTexts.PastTime("12月1日(周二) 14:00"), (await Say("我想12月1日下午两点去值班"))[0]);
        Assert.Empty(_bot.Get<BookingService>().Upcoming("D001"));
        // A date of next year inside the horizon carries its year too.
        Assert.Equal("2027年1月5日(周二) 14:00", _bot.Get<ChatAssistant.Conversation.Time.AssistantClock>().Format(new DateTimeOffset(2027, 1, 5, 14, 0, 0, BookingTestData.Beijing)));
    }

    [Fact]
    public async Task A_delegate_waiting_for_a_person_still_checks_in_with_the_door_code()
    {
        _service.Book(BookingTestData.Who("D001") with { UserId = "user1" }, _studio.Id, At(11, 26, 14));
        _bot.Time.SetUtcNow(At(11, 26, 14).AddMinutes(5));
        await Say("你好");
        await Say("转人工");
        await Say("我想问一下值班的事"); // with a person now: the bot stays quiet
        Assert.StartsWith("签到成功！", Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, await Screen())));
        Assert.Equal(1, _service.Standing("D001").Attended);
    }

    [Fact]
    public async Task The_printed_door_code_records_a_self_reported_check_in_that_my_duties_shows_as_waiting_for_staff()
    {
        var booking = _service.Book(BookingTestData.Who("D001") with { UserId = "user1" }, _studio.Id, At(11, 26, 14)).Booking!;
        _bot.Time.SetUtcNow(At(11, 26, 14).AddMinutes(5));
        await Say("你好");
        Assert.Equal(
            ["已收到你的签到：测试工作室 11月26日(周四) 14:00-16:00 的值班已记为「自报出勤」，工作人员确认后计入履职。下次请扫描门口屏幕上的二维码，签到会立即生效。"],
            await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, "duty:" + _studio.Id));
        Assert.Equal(Attendance.SelfReported, _bot.Get<IBookingStore>().Find(booking.Id)!.Attendance);
        Assert.Contains("今年已值班 0 次，还需 2 次（每年不少于 2 次，每次不少于 2 小时）。另有 1 次自报签到等待工作人员确认，确认后计入。", Assert.Single(await Say("我的值班")));
        Assert.StartsWith("你已经自报过签到了", Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, "duty:" + _studio.Id)));
    }

    [Fact]
    public async Task A_door_screen_code_checks_in_for_two_minutes_and_an_older_or_unknown_one_is_refused()
    {
        _service.Book(BookingTestData.Who("D001") with { UserId = "user1" }, _studio.Id, At(12, 2, 14));
        _service.Book(BookingTestData.Who("D002") with { UserId = "user2" }, _studio.Id, At(12, 2, 16));
        var other = BookingTestData.Studio(_bot.Get<IStudioStore>(), name: "另一个工作室");
        _bot.Time.SetUtcNow(At(12, 2, 13).AddMinutes(50));
        await Say("你好");
        var shown = await Screen();

        // Two minutes and a second later the code on a photo no longer works, and nothing is recorded.
        _bot.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal([BookingTexts.DoorCodeExpired], await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, shown));
        Assert.Equal(Attendance.Unknown, _service.Upcoming("D001")[0].Attendance);
        // Unknown nonces and another studio's code are refused the same way.
        Assert.Equal([BookingTexts.DoorCodeExpired], await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, $"duty:{_studio.Id}:AAAAAAAAAAAAAAAA"));
        var othersNonce = await _bot.Get<DoorNonces>().IssueAsync(other.Id, CancellationToken.None);
        Assert.Equal([BookingTexts.DoorCodeExpired], await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, DoorNonces.Scene(_studio.Id, othersNonce)));

        // A code 1 min 59 s old still works.
        var fresh = await Screen();
        _bot.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.StartsWith("签到成功！测试工作室 12月2日(周三) 14:00-16:00", Assert.Single(await BookingTestData.EventAsync(_bot, ChannelEvents.Scan, fresh)));
        Assert.Equal(Attendance.Attended, _service.Upcoming("D001")[0].Attendance);
        Assert.Equal(Attendance.Unknown, _service.Upcoming("D002")[0].Attendance);
    }

    private Task<string> Screen() => BookingTestData.ScreenSceneAsync(_bot.Services, _studio.Id);
}
