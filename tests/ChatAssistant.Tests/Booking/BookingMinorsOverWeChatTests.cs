using ChatAssistant.Booking;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Tests.Conversation;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// The booking minors of issue #30 over the WeChat endpoint (signed, encrypted callbacks to the real server): a date
/// already passed this year is answered as passed, not read as next year's; 上午/下午/晚上 without a clock time mean the
/// studio's slots in that half of the day; the open-bookings limit is said before any list or confirmation; and slots
/// the delegate already holds (or that overlap one of theirs) are not offered. The studio opens Tue/Thu 14–16, Wed
/// 14–18 (two slots) and Sat 09–11; now is Thu 2026-11-26 10:00 Beijing unless a test moves the clock.
/// </summary>
public sealed class BookingMinorsOverWeChatTests : FlowsOverWeChat
{
    /// <summary>Fri 2026-12-04 10:00 Beijing.</summary>
    private static readonly DateTimeOffset FridayDecember4 = BookingTestData.At(12, 4, 10);

    private const string NextFreeFromDecember4 =
        BookingTexts.ChooseHeading + "\n1. 12月5日(周六) 09:00-11:00 测试工作室（剩 1 个名额）\n2. 12月8日(周二) 14:00-16:00";

    [Theory]
    [InlineData("预约值班 12月3日上午", "12月3日(周四)上午")]
    [InlineData("我想12月3日下午两点去值班", "12月3日(周四) 14:00")]
    [InlineData("预约12月2日14:00-16:00", "12月2日(周三) 14:00-16:00")]
    [InlineData("我想11月30日去值班", "11月30日(周一)")]
    [InlineData("预约11月28号下午", "11月28日(周六)下午")]
    public async Task A_date_already_passed_this_year_is_answered_as_passed_with_the_slots_still_to_come(string request, string echoed)
    {
        Time.SetUtcNow(FridayDecember4);
        BindDelegate();
        var chat = await GreetedAsync(Delegate);

        // Before the fix: read as next year's date, 「2027年12月3日(周五) … 太远了」.
        var reply = await chat.SayAsync(request);
        Assert.StartsWith(BookingTexts.PastTime(echoed), reply);
        Assert.Contains(NextFreeFromDecember4, reply);
        Assert.DoesNotContain("2027", reply);
        Assert.DoesNotContain("太远了", reply);
        Assert.Empty(Get<BookingService>().Upcoming(DelegateMember));
    }

    [Fact]
    public async Task A_date_long_past_this_year_means_next_year_and_a_passed_date_typed_at_the_list_is_said_passed()
    {
        Time.SetUtcNow(FridayDecember4);
        BindDelegate();
        var chat = await GreetedAsync(Delegate);

        // 「1月5日」 in December is next January: bookable, shown with its year.
        Assert.Contains("请确认值班预约：\n时间：2027年1月5日(周二) 14:00-16:00", await chat.SayAsync("预约1月5日下午"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不要了"));
        // A date still to come this year is this year's.
        Assert.Contains("请确认值班预约：\n时间：12月10日(周四) 14:00-16:00", await chat.SayAsync("预约12月10日下午"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不要了"));

        // At the slot list, yesterday typed (in Chinese or English) is said passed and the list stays.
        Assert.StartsWith(NextFreeFromDecember4, await chat.SayAsync("预约值班"));
        var chinese = await chat.SayAsync("12月3日上午");
        Assert.StartsWith(BookingTexts.PastTime("12月3日(周四)上午"), chinese);
        Assert.Contains(NextFreeFromDecember4, chinese);
        var english = await chat.SayAsync("Dec 3 afternoon");
        Assert.StartsWith(BookingTexts.PastTime("12月3日(周四)下午"), english);
        Assert.Contains("请确认值班预约：\n时间：12月5日(周六) 09:00-11:00", await chat.SayAsync("1"));
    }

    [Fact]
    public async Task An_afternoon_means_every_slot_of_the_afternoon_and_a_morning_without_slots_is_said_as_a_morning()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);

        // Before the fix 下午 was 12:00–16:00, so the 16:00–18:00 slot was left out and the other one confirmed at once.
        var afternoon = await chat.SayAsync("预约12月2日下午");
        Assert.Contains(
            BookingTexts.ChooseHeading + "\n1. 12月2日(周三) 14:00-16:00 测试工作室（剩 1 个名额）\n2. 12月2日(周三) 16:00-18:00 测试工作室（剩 1 个名额）\n" + BookingTexts.ChooseFooter,
            afternoon);
        Assert.DoesNotContain("请确认值班预约", afternoon);
        Assert.Contains("请确认值班预约：\n时间：12月2日(周三) 16:00-18:00", await chat.SayAsync("16点那个"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不要了"));

        // A morning with no slot is echoed as that morning, not as 08:00-12:00.
        var morning = await chat.SayAsync("预约值班 12月3日上午");
        Assert.StartsWith(BookingTexts.NoSlotThen("12月3日(周四)上午"), morning);
        Assert.DoesNotContain("08:00", morning);
        Assert.Contains(BookingTexts.ChooseHeading, morning);
        Assert.Equal(FlowTexts.Cancelled(BookingTexts.BookTitle), await chat.SayAsync("取消"));

        // A morning with one slot confirms it.
        Assert.Contains("请确认值班预约：\n时间：11月28日(周六) 09:00-11:00", await chat.SayAsync("我想周六上午去值班"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不要了"));
    }

    [Fact]
    public async Task An_evening_means_the_evening_slots_and_a_late_afternoon_slot_is_not_one()
    {
        Get<IStudioStore>().Create(new Studio
        {
            Name = "青年之家",
            County = "天台县",
            Address = "始丰路 2 号",
            Openings = [new WeeklyOpening { Day = DayOfWeek.Friday, Start = "19:00", End = "21:00" }],
        });
        BindDelegate();
        var chat = await GreetedAsync(Delegate);

        // Before the fix 晚上 was 16:00–20:00 and the Wednesday 16:00–18:00 slot was confirmed as an evening.
        var wednesday = await chat.SayAsync("预约12月2日晚上");
        Assert.StartsWith(BookingTexts.NoSlotThen("12月2日(周三)晚上"), wednesday);
        Assert.DoesNotContain("请确认值班预约", wednesday);
        Assert.Equal(FlowTexts.Cancelled(BookingTexts.BookTitle), await chat.SayAsync("取消"));

        Assert.Contains("请确认值班预约：\n时间：11月27日(周五) 19:00-21:00\n地点：青年之家", await chat.SayAsync("我想明天晚上去值班"));
        Assert.Contains("预约成功！11月27日(周五) 19:00-21:00 在青年之家值班", await chat.SayAsync("是"));
    }

    [Fact]
    public async Task The_open_bookings_limit_is_said_before_any_list_or_confirmation_with_what_to_do()
    {
        BindDelegate();
        Book(BookingTestData.At(12, 1, 14));
        Book(BookingTestData.At(12, 5, 9));
        var chat = await GreetedAsync(Delegate);

        // Before the fix: the slot list, then a confirmation, and only after 「是」 the refusal.
        foreach (var request in new[] { "预约值班", "预约值班 12月3日14:00-16:00", "我想下周三下午去值班" })
        {
            var reply = await chat.SayAsync(request);
            Assert.Contains("已经有 2 个未完成的值班预约", reply);
            Assert.Contains("「取消值班」", reply);
            Assert.DoesNotContain(BookingTexts.ChooseHeading, reply);
            Assert.DoesNotContain("请确认值班预约", reply);
        }

        // Doing what it says frees a place, and the booking goes through.
        Assert.Contains("确定取消 12月1日(周二) 14:00-16:00", await chat.SayAsync("取消值班") + await chat.SayAsync("1"));
        Assert.Contains("已取消", await chat.SayAsync("是"));
        Assert.Contains("请确认值班预约：\n时间：12月3日(周四) 14:00-16:00", await chat.SayAsync("预约值班 12月3日14:00-16:00"));
        Assert.Contains("预约成功！12月3日(周四) 14:00-16:00", await chat.SayAsync("是"));
        Assert.Equal(2, Get<BookingService>().Upcoming(DelegateMember).Count);
    }

    [Fact]
    public async Task Slots_the_delegate_already_holds_or_that_overlap_theirs_are_not_offered()
    {
        Studio.PlacesPerSlot = 2;
        Assert.True(Get<IStudioStore>().Update(Studio));
        Get<IStudioStore>().Create(new Studio
        {
            Name = "第二工作室",
            County = "天台县",
            Address = "赤城路 9 号",
            Openings = [new WeeklyOpening { Day = DayOfWeek.Thursday, Start = "14:00", End = "16:00" }],
        });
        BindDelegate();
        Book(BookingTestData.At(11, 26, 14));
        var chat = await GreetedAsync(Delegate);

        // Before the fix the list began with the slot they hold (a free place left) and the other studio's at that time.
        var list = await chat.SayAsync("预约值班");
        Assert.StartsWith(BookingTexts.ChooseHeading + "\n1. 11月28日(周六) 09:00-11:00 测试工作室（剩 2 个名额）", list);
        Assert.DoesNotContain("11月26日(周四) 14:00-16:00", list);
        Assert.Equal(FlowTexts.Cancelled(BookingTexts.BookTitle), await chat.SayAsync("取消"));

        // Asking for the time they hold says so, and offers other times.
        var again = await chat.SayAsync("预约11月26日下午");
        Assert.StartsWith("你已经约了 11月26日(周四) 14:00-16:00 在测试工作室值班", again);
        Assert.Contains(BookingTexts.ChooseHeading, again);
        Assert.DoesNotContain("请确认值班预约", again);
        Assert.DoesNotContain("1. 11月26日", again);
        Assert.Equal(FlowTexts.Cancelled(BookingTexts.BookTitle), await chat.SayAsync("取消"));

        // Another day is offered as usual.
        Assert.Contains("1. 12月3日(周四) 14:00-16:00 测试工作室（剩 2 个名额）\n2. 12月3日(周四) 14:00-16:00 第二工作室", await chat.SayAsync("预约12月3日下午"));
        Assert.Single(Get<BookingService>().Upcoming(DelegateMember));
    }
}
