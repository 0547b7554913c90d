using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Conversation;

public sealed class TimeZoneTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DateTimeReader ReaderAt(DateTimeOffset utcNow, string zone = "Asia/Shanghai")
    {
        var time = new FakeTimeProvider(utcNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc); // the server runs in UTC
        return new DateTimeReader(new AssistantClock(time, Options.Create(new AssistantOptions { TimeZone = zone })));
    }

    [Fact]
    public void A_server_in_UTC_reads_tomorrow_9am_as_9am_Beijing_time()
    {
        // 2026-11-26 02:00 UTC = 10:00 Beijing.
        var window = ReaderAt(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)).ReadFirst("明天上午9点");
        Assert.NotNull(window);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, Beijing), window.Start);
        Assert.Equal(Beijing, window.Start.Offset);
    }

    [Fact]
    public void Tomorrow_is_counted_from_the_Beijing_date_not_the_server_date()
    {
        // 2026-11-26 17:00 UTC is already 01:00 on 27 November in Beijing, so "明天" is the 28th.
        var window = ReaderAt(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero)).ReadFirst("明天上午9点");
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, Beijing), window!.Start);
    }

    [Fact]
    public void A_range_next_week_resolves_to_a_start_and_an_end()
    {
        var window = ReaderAt(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)).ReadFirst("下周三下午两点到四点");
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 14, 0, 0, Beijing), window!.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, Beijing), window.End);
    }

    [Fact]
    public void The_clock_shows_users_Beijing_wall_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 17, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var clock = new AssistantClock(time, Options.Create(new AssistantOptions()));
        Assert.Equal(new DateOnly(2026, 11, 27), clock.Today);
        Assert.Equal("11月27日(周五) 01:30", clock.Format(time.GetUtcNow()));
    }
}
