using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Booking;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// Two servers on different ports behind one Redis (sessions, locks) and one PostgreSQL database (the records), over
/// the real WeChat endpoint: fifty delegates ask for the same one-place slot through one instance and confirm through
/// the other, and the database gives the place to exactly one of them.
/// </summary>
public sealed class BookingOverWeChatAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const int Delegates = 50;
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private PostgresDatabase? _database;
    private long _msgId = 8_000_000;

    public void Dispose() => _database?.Dispose();

    private static string OpenId(int i) => $"oDelegate{i:D3}";

    [SkippableFact]
    public async Task Fifty_delegates_asking_through_one_instance_and_confirming_through_the_other_get_one_booking()
    {
        redis.Require();
        _database = PostgresServer.CreateDatabase();
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var settings = redis.DeploymentSettings();
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        foreach (var (key, value) in BookingTestData.NoDemo()) settings[key] = value;
        await using var api = await FakeWeChatApi.StartAsync();
        await using var a = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time, sharedApi: api);
        await using var b = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time, sharedApi: api);
        Assert.NotEqual(a.Server.BaseAddress.Port, b.Server.BaseAddress.Port);

        var studio = BookingTestData.Studio(a.Server.Get<IStudioStore>(), places: 1); // staff made it through A
        BookingTestData.Bind(b.Server.Get<IdentityService>(), Enumerable.Range(1, Delegates).Select(i => ($"D{i:D3}", $"代表{i}", OpenId(i))).ToArray());

        // Asked through one instance (odd through A, even through B), confirmed through the other.
        var asked = await AllAtOnceAsync(i => (i % 2 == 1 ? a : b).SayAsync(OpenId(i), "预约值班 12月3日14:00-16:00", Interlocked.Increment(ref _msgId)));
        Assert.All(asked, reply => Assert.Contains("请确认值班预约", reply));
        var answers = await AllAtOnceAsync(i => (i % 2 == 1 ? b : a).SayAsync(OpenId(i), "是", Interlocked.Increment(ref _msgId)));
        await Task.WhenAll(a.DrainAsync(), b.DrainAsync());

        var received = Enumerable.Range(1, Delegates).Select(i => string.Join("\n\n", new[] { answers[i - 1] }.Concat(api.TextsTo(OpenId(i))))).ToList();
        Assert.Single(received, text => text.Contains("预约成功！12月3日(周四) 14:00-16:00", StringComparison.Ordinal));
        Assert.Equal(Delegates - 1, received.Count(text => text.Contains("12月3日(周四) 14:00", StringComparison.Ordinal) && text.Contains(BookingTexts.ChooseHeading, StringComparison.Ordinal)));
        var booking = Assert.Single(b.Server.Get<IBookingStore>().InSlot(studio.Id, BookingTestData.At(12, 3, 14)));
        Assert.Equal(booking.Id, Assert.Single(a.Server.Get<IBookingStore>().InSlot(studio.Id, BookingTestData.At(12, 3, 14))).Id);
        Assert.Empty(a.Undelivered.List());
    }

    private static Task<string[]> AllAtOnceAsync(Func<int, Task<string>> call) => BookingTestData.AllAtOnceAsync(Delegates, call);
}
