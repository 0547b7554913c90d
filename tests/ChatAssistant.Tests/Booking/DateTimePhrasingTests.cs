using System.Globalization;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking;

/// <summary>How delegates name duty times, read against Thu 2026-11-26 10:00 Beijing with the server in UTC.</summary>
public sealed class DateTimePhrasingTests
{
    // phrase, expected start, expected end (Beijing wall clock). A point in time has start == end;
    // a whole day runs from 00:00 to the next day's 00:00; 上午 is 00–12, 下午 12–18, 晚上 18–24. Ambiguous dates
    // resolve to the future, except a month and day without a year that passed within DateTimeReader.RecentPast.
    public static readonly TheoryData<string, string, string> Phrasings = new()
    {
        { "下周三下午两点到四点", "2026-12-02 14:00", "2026-12-02 16:00" },
        { "下週三下午兩點到四點", "2026-12-02 14:00", "2026-12-02 16:00" }, // traditional characters
        { "12月3號下午", "2026-12-03 12:00", "2026-12-03 18:00" },
        { "明天上午", "2026-11-27 00:00", "2026-11-27 12:00" },
        { "12月3日14:00-16:00", "2026-12-03 14:00", "2026-12-03 16:00" },
        { "本周六", "2026-11-28 00:00", "2026-11-29 00:00" },
        { "next Tuesday afternoon", "2026-12-01 12:00", "2026-12-01 18:00" },
        { "后天下午3点", "2026-11-28 15:00", "2026-11-28 15:00" },
        { "周六上午", "2026-11-28 00:00", "2026-11-28 12:00" },
        { "this Saturday 9am", "2026-11-28 09:00", "2026-11-28 09:00" },
        { "明天", "2026-11-27 00:00", "2026-11-28 00:00" },
        { "下周二", "2026-12-01 00:00", "2026-12-02 00:00" },
        { "周四下午", "2026-11-26 12:00", "2026-11-26 18:00" },
        { "12月5日上午9点到11点", "2026-12-05 09:00", "2026-12-05 11:00" },
        { "12月3号", "2026-12-03 00:00", "2026-12-04 00:00" },
        { "今天下午两点", "2026-11-26 14:00", "2026-11-26 14:00" },
        { "下午3点", "2026-11-26 15:00", "2026-11-26 15:00" },
        { "下周六上午九点", "2026-12-05 09:00", "2026-12-05 09:00" },
        { "大后天", "2026-11-29 00:00", "2026-11-30 00:00" },
        { "12/3 2pm-4pm", "2026-12-03 14:00", "2026-12-03 16:00" },
        { "tomorrow morning", "2026-11-27 00:00", "2026-11-27 12:00" },
        { "tomorrow at 3pm", "2026-11-27 15:00", "2026-11-27 15:00" },
        { "Saturday morning", "2026-11-28 00:00", "2026-11-28 12:00" },
        { "next Wednesday 2pm to 4pm", "2026-12-02 14:00", "2026-12-02 16:00" },
        { "December 3rd 14:00-16:00", "2026-12-03 14:00", "2026-12-03 16:00" },
        { "Dec 5 from 9 to 11am", "2026-12-05 09:00", "2026-12-05 11:00" },
        { "the day after tomorrow", "2026-11-28 00:00", "2026-11-29 00:00" },
        { "this Thursday afternoon", "2026-11-26 12:00", "2026-11-26 18:00" },
        { "下个月3号", "2026-12-03 00:00", "2026-12-04 00:00" },
        { "12月3日下午", "2026-12-03 12:00", "2026-12-03 18:00" },
        { "周二14:00-16:00", "2026-12-01 14:00", "2026-12-01 16:00" },
        { "星期六上午9点", "2026-11-28 09:00", "2026-11-28 09:00" },
        { "礼拜六", "2026-11-28 00:00", "2026-11-29 00:00" },
        { "next Saturday", "2026-12-05 00:00", "2026-12-06 00:00" },
        { "3月1日", "2027-03-01 00:00", "2027-03-02 00:00" },
        { "1月5日上午", "2027-01-05 00:00", "2027-01-05 12:00" },
        { "11月20日", "2026-11-20 00:00", "2026-11-21 00:00" }, // six days ago: this year's, told it has passed
        { "10月20日", "2027-10-20 00:00", "2027-10-21 00:00" }, // over a month ago: next year's,
        { "本周日下午2点到4点", "2026-11-29 14:00", "2026-11-29 16:00" },
        { "周六9点到11点", "2026-11-28 09:00", "2026-11-28 11:00" },
        { "Dec 3 at 2pm", "2026-12-03 14:00", "2026-12-03 14:00" },
        { "Tuesday 2-4pm", "2026-12-01 14:00", "2026-12-01 16:00" },
        { "我想下周三下午去值班", "2026-12-02 12:00", "2026-12-02 18:00" },
        { "tomorrow 9-11am", "2026-11-27 09:00", "2026-11-27 11:00" },
        { "明天下午2:00-4:00", "2026-11-27 14:00", "2026-11-27 16:00" },
        { "下下周三", "2026-12-09 00:00", "2026-12-10 00:00" },
        { "周三下午两点至四点", "2026-12-02 14:00", "2026-12-02 16:00" },
        { "下周三14点到16点", "2026-12-02 14:00", "2026-12-02 16:00" },
        { "明早9点", "2026-11-27 09:00", "2026-11-27 09:00" },
        { "十二月三日下午两点", "2026-12-03 14:00", "2026-12-03 14:00" },
        { "3号下午", "2026-12-03 12:00", "2026-12-03 18:00" },
        { "28号上午9点到11点", "2026-11-28 09:00", "2026-11-28 11:00" },
        { "二十五号", "2026-12-25 00:00", "2026-12-26 00:00" },
        { "周日", "2026-11-29 00:00", "2026-11-30 00:00" },
        { "this weekend", "2026-11-28 00:00", "2026-11-30 00:00" },
        { "下周三下午两点半到四点半", "2026-12-02 14:30", "2026-12-02 16:30" },
        { "明天晚上", "2026-11-27 18:00", "2026-11-28 00:00" }, // the evening, not the recognizer's 16–20
        { "今晚", "2026-11-26 18:00", "2026-11-27 00:00" },
        { "tomorrow evening", "2026-11-27 18:00", "2026-11-28 00:00" },
        { "11月25日下午", "2026-11-25 12:00", "2026-11-25 18:00" }, // yesterday afternoon: passed, not next year's
        { "下午", "2026-11-26 12:00", "2026-11-26 18:00" }, // this afternoon (a time of day, no date)
    };

    private static readonly DateTimeReader Reader = CreateReader();

    private static DateTimeReader CreateReader()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return new DateTimeReader(new AssistantClock(time, Options.Create(new AssistantOptions())));
    }

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void A_phrasing_reads_as_the_expected_Beijing_window(string phrase, string start, string end)
    {
        var window = Reader.ReadFirst(phrase);
        Assert.NotNull(window);
        Assert.Equal((Beijing(start), Beijing(end)), (window.Start, window.End));
        Assert.Equal(TimeSpan.FromHours(8), window.Start.Offset);
    }

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Every_phrasing_passes_the_pre_check_that_skips_the_recognizer(string phrase, string start, string end)
    {
        _ = (start, end);
        Assert.True(DateTimeReader.MayNameATime(phrase), phrase);
    }

    [Theory]
    [InlineData("预约值班")]
    [InlineData("我要值班")]
    [InlineData("取消值班")]
    [InlineData("志愿汇怎么注册")]
    [InlineData("是")]
    public void Text_without_a_date_or_time_cue_is_not_sent_to_the_recognizer(string text)
    {
        Assert.False(DateTimeReader.MayNameATime(text));
        Assert.Null(Reader.ReadFirst(text));
    }

    [Theory]
    [InlineData("周三下午两点", "2026-12-09 14:00")] // Wednesday 15:00: this week's two o'clock has passed
    [InlineData("星期三上午9点", "2026-12-09 09:00")]
    [InlineData("周三下午四点", "2026-12-02 16:00")] // still to come today
    [InlineData("本周三上午9点", "2026-12-02 09:00")] // the user pinned this week: told it has passed
    public void A_weekday_time_already_past_today_means_next_week(string phrase, string start)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero)); // Wed 15:00 Beijing
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var reader = new DateTimeReader(new AssistantClock(time, Options.Create(new AssistantOptions())));
        Assert.Equal(Beijing(start), reader.ReadFirst(phrase)!.Start);
    }

    [Fact]
    public void The_six_of_周六日_is_not_read_as_a_day_of_the_month()
    {
        Assert.Equal("周六日有空", DateTimeReader.WithMonth("周六日有空", new DateOnly(2026, 12, 31)));
        Assert.Equal("星期六日", DateTimeReader.WithMonth("星期六日", new DateOnly(2026, 12, 31)));
        Assert.Equal("1月6日", DateTimeReader.WithMonth("6日", new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void The_same_phrase_in_the_same_minute_is_recognised_once_and_a_minute_later_afresh()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var reader = new DateTimeReader(new AssistantClock(time, Options.Create(new AssistantOptions())));

        var first = reader.ReadFirst("明天上午");
        time.Advance(TimeSpan.FromSeconds(20));
        var again = reader.ReadFirst("明天上午");
        Assert.Equal(1, reader.RecognizerCalls);
        Assert.Equal(first, again);

        time.Advance(TimeSpan.FromDays(1));
        var nextDay = reader.ReadFirst("明天上午");
        Assert.Equal(2, reader.RecognizerCalls);
        Assert.Equal(first!.Start.AddDays(1), nextDay!.Start);
    }

    [Fact]
    public void The_table_has_at_least_thirty_phrasings_in_both_languages()
    {
        var phrases = Phrasings.Select(row => (string)row[0]).ToList();
        Assert.True(phrases.Count >= 30);
        Assert.True(phrases.Count(p => p.Any(c => c > 0x4E00)) >= 15);
        Assert.True(phrases.Count(p => p.All(c => c < 0x80)) >= 10);
    }

    private static DateTimeOffset Beijing(string wall) =>
        new(DateTime.ParseExact(wall, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
