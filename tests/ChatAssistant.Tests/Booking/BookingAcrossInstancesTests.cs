using ChatAssistant.Adapters;
using ChatAssistant.Booking;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// Two assistants (each its own process state and LiteDB folder) whose booking records are one PostgreSQL database:
/// what one books the other sees, places and reminders are decided by the database, not by either process.
/// </summary>
public sealed class BookingAcrossInstancesTests : IDisposable
{
    private PostgresDatabase? _database;

    public void Dispose() => _database?.Dispose();

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => BookingTestData.At(month, day, hour, minute);

    private Task<AssistantServer> StartAsync(FakeTimeProvider time, RecordingMessenger messenger)
    {
        var settings = new Dictionary<string, string?>(BookingTestData.NoDemo());
        _database ??= PostgresServer.CreateDatabase(); // in the test, so a missing PostgreSQL skips it (fails under CI=true)
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        return AssistantServer.StartAsync(settings, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IUserMessenger>(messenger);
        });
    }

    private static FakeTimeProvider Clock()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    [SkippableFact]
    public async Task Fifty_delegates_booking_one_place_through_two_instances_get_one_booking_and_both_see_it()
    {
        await using var a = await StartAsync(Clock(), new RecordingMessenger());
        await using var b = await StartAsync(Clock(), new RecordingMessenger());
        var studio = BookingTestData.Studio(a.Get<IStudioStore>());
        Assert.Single(b.Get<IStudioStore>().Active()); // the studio staff made through A is offered by B

        var slot = At(12, 2, 14);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(() =>
        {
            start.Wait();
            return (i % 2 == 0 ? a : b).Get<BookingService>().Book(BookingTestData.Who($"P{i:D3}"), studio.Id, slot);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Single(outcomes, o => o.Status == BookStatus.Booked);
        Assert.All(outcomes.Where(o => o.Status != BookStatus.Booked), o => Assert.Equal(BookStatus.Full, o.Status));
        Assert.Equal(1, a.Get<BookingService>().Slot(studio.Id, slot)!.Taken);
        Assert.Equal(1, b.Get<BookingService>().Slot(studio.Id, slot)!.Taken);
        var winner = outcomes.Single(o => o.Status == BookStatus.Booked).Booking!;
        Assert.Equal(winner.MemberId, Assert.Single(b.Get<IBookingStore>().InSlot(studio.Id, slot)).MemberId);
    }

    [SkippableFact]
    public async Task One_delegate_booking_through_both_instances_at_once_still_gets_only_the_cap()
    {
        await using var a = await StartAsync(Clock(), new RecordingMessenger());
        await using var b = await StartAsync(Clock(), new RecordingMessenger());
        var studio = BookingTestData.Studio(a.Get<IStudioStore>(), places: 3);
        var slots = a.Get<BookingService>().NextFree(6).Select(s => s.Slot.Start).ToList();

        var outcomes = await Task.WhenAll(slots.Select((s, i) => Task.Run(() =>
            (i % 2 == 0 ? a : b).Get<BookingService>().Book(BookingTestData.Who("D001"), studio.Id, s))));

        Assert.Equal(2, outcomes.Count(o => o.Status == BookStatus.Booked)); // Booking:MaxOpenBookings
        Assert.Equal(2, b.Get<IBookingStore>().OfMember("D001").Count);
    }

    [SkippableFact]
    public async Task Reminders_sent_by_two_instances_at_once_go_out_once_each()
    {
        var (timeA, timeB) = (Clock(), Clock());
        var (sentA, sentB) = (new RecordingMessenger(), new RecordingMessenger());
        await using var a = await StartAsync(timeA, sentA);
        await using var b = await StartAsync(timeB, sentB);
        var studio = BookingTestData.Studio(a.Get<IStudioStore>(), places: 20);
        for (var i = 0; i < 20; i++)
            Assert.Equal(BookStatus.Booked, (i % 2 == 0 ? a : b).Get<BookingService>().Book(BookingTestData.Who($"D{i:D3}"), studio.Id, At(11, 28, 9)).Status);

        // Both reach the eve's 20:00 together and sweep at the same moment, three times over.
        timeA.SetUtcNow(At(11, 27, 20, 1));
        timeB.SetUtcNow(At(11, 27, 20, 1));
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(
                Task.Run(() => a.Get<ReminderService>().SendDueAsync(CancellationToken.None)),
                Task.Run(() => b.Get<ReminderService>().SendDueAsync(CancellationToken.None)));

        var sent = sentA.Sent.Concat(sentB.Sent).Select(m => m.UserId).ToList();
        Assert.Equal(20, sent.Count);
        Assert.Equal(20, sent.Distinct().Count());
        Assert.Equal(20, a.Get<IReminderStore>().InState(ReminderState.Sent).Count);
    }
}
