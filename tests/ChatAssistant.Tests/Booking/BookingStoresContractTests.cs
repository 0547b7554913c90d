using ChatAssistant.Booking;
using ChatAssistant.Booking.LiteDb;
using ChatAssistant.Booking.Postgres;
using ChatAssistant.Booking.Door;
using ChatAssistant.Booking.Door.LiteDb;
using ChatAssistant.Booking.Door.Postgres;
using Microsoft.Extensions.Time.Testing;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Booking;

/// <summary>
/// What every studio, booking and reminder store does, whatever holds the records: run on LiteDB
/// (<see cref="LiteDbBookingStoresContractTests"/>) and PostgreSQL (<see cref="PostgresBookingStoresContractTests"/>).
/// "Another instance" is a second set of stores over the same records: a second process's on PostgreSQL, the same
/// file's on LiteDB (which one process owns).
/// </summary>
public abstract class BookingStoresContractTests : OwnsDisposables
{
    protected static readonly DateTimeOffset Monday = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero); // 14:00 Beijing

    protected record Stores(IStudioStore Studios, IBookingStore Bookings, IReminderStore Reminders, IDoorKeyStore DoorKeys);

    /// <summary>The stores of one instance over this test's records; a second call is another instance.</summary>
    protected abstract Stores Instance(bool seedDemoStudio = false);

    /// <summary>The clock of the door keys' times (created, revoked, last used).</summary>
    protected FakeTimeProvider Time { get; } = new(Monday);

    protected static IOptions<BookingOptions> Options(bool seed) => Microsoft.Extensions.Options.Options.Create(new BookingOptions { SeedDemoStudio = seed });

    private static DutyBooking Booking(int studioId, DateTimeOffset start, int place, string member = "D001") => new()
    {
        StudioId = studioId,
        MemberId = member,
        ChannelId = "wechat",
        UserId = "openid-" + member,
        Start = start,
        End = start.AddHours(2),
        Place = place,
        CreatedAt = Monday.AddDays(-3),
    };

    private static Studio NewStudio(string name = "金东区团代表工作室", string county = "金东区", int places = 2) => new()
    {
        Name = name,
        County = county,
        Address = "金东区某路 1 号",
        Openings = [new WeeklyOpening { Day = DayOfWeek.Monday, Start = "14:00", End = "16:00" }],
        Closures = [new Closure { From = "2026-12-21", To = "2026-12-22", Reason = "冬至" }],
        SlotMinutes = 120,
        PlacesPerSlot = places,
    };

    [SkippableFact]
    public void A_booking_reads_back_as_written_and_gets_an_id()
    {
        var s = Instance();
        var booking = Booking(3, Monday, 1);
        Assert.True(s.Bookings.TryInsert(booking));
        Assert.True(booking.Id > 0);

        var stored = s.Bookings.Find(booking.Id)!;
        Assert.Equal((3, "D001", "wechat", "openid-D001", 1), (stored.StudioId, stored.MemberId, stored.ChannelId, stored.UserId, stored.Place));
        Assert.Equal((Monday, Monday.AddHours(2), Monday.AddDays(-3)), (stored.Start, stored.End, stored.CreatedAt));
        Assert.Equal((BookingStatus.Booked, Attendance.Unknown), (stored.Status, stored.Attendance));
        Assert.Equal(DutyBooking.PlaceKeyOf(3, Monday, 1), stored.PlaceKey);
        Assert.Null(s.Bookings.Find(booking.Id + 1000));
    }

    [SkippableFact]
    public void A_place_is_held_once_and_a_cancel_frees_it()
    {
        var s = Instance();
        var first = Booking(3, Monday, 1, "D001");
        Assert.True(s.Bookings.TryInsert(first));
        Assert.False(s.Bookings.TryInsert(Booking(3, Monday, 1, "D002")));
        Assert.True(s.Bookings.TryInsert(Booking(3, Monday, 2, "D002")));
        Assert.Equal(2, s.Bookings.Taken(3, Monday));
        Assert.Equal(0, s.Bookings.Taken(3, Monday.AddDays(7)));
        Assert.Equal([0, 2, 0], s.Bookings.Taken(3, [Monday.AddDays(7), Monday, Monday.AddHours(2)]));
        Assert.Equal([0], s.Bookings.Taken(4, [Monday]));
        Assert.Empty(s.Bookings.Taken(3, []));
        Assert.Equal([1, 2], s.Bookings.InSlot(3, Monday).Select(b => b.Place));

        s.Bookings.MarkCancelled(first, Monday.AddDays(-1));
        Assert.Equal(BookingStatus.Cancelled, first.Status);
        Assert.Equal(1, s.Bookings.Taken(3, Monday));
        var stored = s.Bookings.Find(first.Id)!;
        Assert.Equal((BookingStatus.Cancelled, Monday.AddDays(-1)), (stored.Status, stored.CancelledAt));
        Assert.True(s.Bookings.TryInsert(Booking(3, Monday, 1, "D003")));
        Assert.Equal(["D003", "D002"], s.Bookings.InSlot(3, Monday).Select(b => b.MemberId));
    }

    [SkippableFact]
    public void Attendance_is_recorded_only_on_a_live_booking_and_a_cancel_keeps_it()
    {
        var s = Instance();
        var booking = Booking(3, Monday, 1);
        Assert.True(s.Bookings.TryInsert(booking));
        var copy = s.Bookings.Find(booking.Id)!;

        var scanned = s.Bookings.Find(booking.Id)!;
        (scanned.Attendance, scanned.CheckedInAt, scanned.AttendanceBy) = (Attendance.Attended, Monday.AddMinutes(5), "door-screen");
        Assert.True(s.Bookings.RecordAttendance(scanned));

        // The copy read before the check-in is cancelled: the attendance stays, and comes back on the copy.
        s.Bookings.MarkCancelled(copy, Monday.AddHours(3));
        Assert.Equal((Attendance.Attended, "door-screen"), (copy.Attendance, copy.AttendanceBy));
        var stored = s.Bookings.Find(booking.Id)!;
        Assert.Equal((Attendance.Attended, Monday.AddMinutes(5), BookingStatus.Cancelled), (stored.Attendance, stored.CheckedInAt, stored.Status));

        scanned.Attendance = Attendance.Absent;
        Assert.False(s.Bookings.RecordAttendance(scanned));
        Assert.Equal(Attendance.Attended, s.Bookings.Find(booking.Id)!.Attendance);
    }

    [SkippableFact]
    public void Lists_hold_live_bookings_in_time_order()
    {
        var s = Instance();
        var late = Booking(3, Monday.AddDays(7), 1, "D001");
        var early = Booking(3, Monday, 2, "D001");
        var other = Booking(4, Monday.AddDays(1), 1, "D002");
        var gone = Booking(3, Monday.AddDays(14), 1, "D001");
        foreach (var b in new[] { late, early, other, gone }) Assert.True(s.Bookings.TryInsert(b));
        s.Bookings.MarkCancelled(gone, Monday);

        Assert.Equal([early.Id, late.Id], s.Bookings.OfMember("D001").Select(b => b.Id));
        Assert.Empty(s.Bookings.OfMember("D404"));
        Assert.Equal([early.Id, late.Id], s.Bookings.OfStudio(3, DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(b => b.Id));
        Assert.Equal([early.Id], s.Bookings.OfStudio(3, Monday, Monday.AddDays(7)).Select(b => b.Id));
        Assert.Equal([early.Id, other.Id], s.Bookings.Between(Monday, Monday.AddDays(7)).Select(b => b.Id));
        Assert.Equal(2, s.Bookings.CountOfStudio(3));
        Assert.Equal(1, s.Bookings.CountOfStudio(4));
    }

    [SkippableFact]
    public async Task Fifty_delegates_booking_a_one_place_slot_at_once_from_two_instances_get_one_booking()
    {
        var one = Instance().Bookings;
        var two = Instance().Bookings;
        using var start = new Barrier(2);
        var won = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            (i % 2 == 0 ? one : two).TryInsert(Booking(3, Monday, 1, $"D{i:000}")))));

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(1, one.Taken(3, Monday));
        Assert.Equal(1, two.Taken(3, Monday));
        Assert.Single(two.InSlot(3, Monday));
    }

    [SkippableFact]
    public void A_second_instance_sees_the_first_ones_bookings_at_once()
    {
        var one = Instance();
        var two = Instance();
        Assert.Equal(0, two.Bookings.Taken(3, Monday)); // counted before the other instance books
        var booking = Booking(3, Monday, 1);
        Assert.True(one.Bookings.TryInsert(booking));
        Assert.Equal(1, two.Bookings.Taken(3, Monday));
        two.Bookings.MarkCancelled(two.Bookings.Find(booking.Id)!, Monday);
        Assert.Equal(0, one.Bookings.Taken(3, Monday));
    }

    [SkippableFact]
    public void Studios_are_validated_stored_listed_and_deleted()
    {
        var s = Instance();
        Assert.Empty(s.Studios.All());
        var studio = s.Studios.Create(NewStudio());
        Assert.True(studio.Id > 0);
        var other = s.Studios.Create(NewStudio("天台县团代表工作室", "天台县", 1));

        var stored = s.Studios.Find(studio.Id)!;
        Assert.Equal(("金东区团代表工作室", "金东区", "金东区某路 1 号", 120, 2, true), (stored.Name, stored.County, stored.Address, stored.SlotMinutes, stored.PlacesPerSlot, stored.Active));
        Assert.Equal((DayOfWeek.Monday, "14:00", "16:00"), (stored.Openings.Single().Day, stored.Openings.Single().Start, stored.Openings.Single().End));
        Assert.Equal(("2026-12-21", "2026-12-22", "冬至"), (stored.Closures.Single().From, stored.Closures.Single().To, stored.Closures.Single().Reason));
        Assert.Equal(studio.Id, s.Studios.Read(studio.Id)!.Id);

        Assert.Throws<ArgumentException>(() => s.Studios.Create(NewStudio(places: 0)));
        Assert.Equal(2, s.Studios.All().Count);

        stored.Active = false;
        stored.Name = "金东区工作室（装修）";
        Assert.True(s.Studios.Update(stored));
        Assert.Equal([other.Id], s.Studios.Active().Select(x => x.Id));
        Assert.Equal("金东区工作室（装修）", s.Studios.Find(studio.Id)!.Name);
        Assert.Equal([studio.Id], s.Studios.All("金东区").Select(x => x.Id));
        Assert.False(s.Studios.Update(new Studio { Id = 999, Name = "无", County = "无", Openings = [] }));

        Assert.True(s.Studios.Delete(other.Id));
        Assert.False(s.Studios.Delete(other.Id));
        Assert.Empty(s.Studios.Active());
        Assert.Null(s.Studios.Find(other.Id));
    }

    [SkippableFact]
    public void A_change_through_one_instance_is_seen_by_the_other()
    {
        var one = Instance();
        var two = Instance();
        var studio = one.Studios.Create(NewStudio());
        Assert.Single(two.Studios.Active()); // read (and, where kept, cached) before the change
        studio.Active = false;
        Assert.True(one.Studios.Update(studio));
        Assert.Empty(two.Studios.Active());
    }

    [SkippableFact]
    public void The_demo_studio_is_seeded_once_into_empty_records()
    {
        var first = Instance(seedDemoStudio: true);
        _ = Instance(seedDemoStudio: true);
        Assert.Equal("天台县团代表工作室", Assert.Single(first.Studios.All()).Name);
    }

    [SkippableFact]
    public void A_reminder_is_scheduled_once_claimed_once_and_finished_once()
    {
        var s = Instance();
        Assert.True(s.Reminders.Schedule(41, Monday.AddHours(-18)));
        Assert.False(s.Reminders.Schedule(41, Monday));
        Assert.True(s.Reminders.Exists(41));
        Assert.False(s.Reminders.Exists(42));
        Assert.Equal((ReminderState.Pending, Monday.AddHours(-18)), (s.Reminders.Find(41)!.State, s.Reminders.Find(41)!.DueAt));

        Assert.True(s.Reminders.TryClaim(41, Monday.AddHours(-17)));
        Assert.False(s.Reminders.TryClaim(41, Monday.AddHours(-17)));
        Assert.False(s.Reminders.Cancel(41, Monday.AddHours(-17)));
        s.Reminders.MarkSent(41, Monday.AddHours(-17));
        var sent = s.Reminders.Find(41)!;
        Assert.Equal((ReminderState.Sent, Monday.AddHours(-17), Monday.AddHours(-17)), (sent.State, sent.ClaimedAt, sent.DoneAt));
        s.Reminders.MarkFailed(41, Monday, "late");
        Assert.Equal(ReminderState.Sent, s.Reminders.Find(41)!.State);

        Assert.True(s.Reminders.Schedule(42, Monday));
        Assert.True(s.Reminders.Cancel(42, Monday.AddHours(-20)));
        Assert.False(s.Reminders.TryClaim(42, Monday));
        Assert.Equal([42], s.Reminders.InState(ReminderState.Cancelled).Select(r => r.Id));

        Assert.True(s.Reminders.Schedule(43, Monday));
        Assert.True(s.Reminders.TryClaim(43, Monday));
        s.Reminders.MarkFailed(43, Monday, "45015: out of the 48-hour window");
        Assert.Equal((ReminderState.Failed, "45015: out of the 48-hour window"), (s.Reminders.Find(43)!.State, s.Reminders.Find(43)!.Error));
    }

    [SkippableFact]
    public void Due_lists_pending_reminders_due_by_now_earliest_first()
    {
        var s = Instance();
        Assert.True(s.Reminders.Schedule(2, Monday.AddHours(-1)));
        Assert.True(s.Reminders.Schedule(1, Monday.AddHours(-2)));
        Assert.True(s.Reminders.Schedule(3, Monday.AddHours(1)));
        Assert.True(s.Reminders.Schedule(4, Monday.AddHours(-3)));
        Assert.True(s.Reminders.Cancel(4, Monday));
        Assert.Equal([1, 2], s.Reminders.Due(Monday).Select(r => r.Id));
        Assert.Equal([1, 2, 3], s.Reminders.Due(Monday.AddHours(1)).Select(r => r.Id));
    }

    [SkippableFact]
    public async Task A_reminder_claimed_by_two_instances_at_once_is_won_by_one()
    {
        var one = Instance().Reminders;
        var two = Instance().Reminders;
        for (var id = 1; id <= 20; id++) Assert.True(one.Schedule(id, Monday));
        var wins = await Task.WhenAll(Enumerable.Range(1, 20).SelectMany(id => new[] { one, two }.Select(store => Task.Run(() => store.TryClaim(id, Monday)))));
        Assert.Equal(20, wins.Count(w => w));
        Assert.Equal(20, two.InState(ReminderState.Sending).Count);
    }

    [SkippableFact]
    public void A_claim_left_by_a_crash_long_ago_is_failed_not_resent()
    {
        var s = Instance();
        Assert.True(s.Reminders.Schedule(41, Monday));
        Assert.True(s.Reminders.TryClaim(41, Monday));

        var restarted = Instance().Reminders;
        Assert.Equal(1, restarted.FailInterrupted(Monday.AddHours(1)));
        var row = restarted.Find(41)!;
        Assert.Equal(ReminderState.Failed, row.State);
        Assert.Contains("interrupted", row.Error);
        Assert.False(restarted.TryClaim(41, Monday.AddHours(1)));
        Assert.Equal(0, restarted.FailInterrupted(Monday.AddHours(2)));
    }
    [SkippableFact]
    public void A_door_key_is_kept_as_its_hash_opens_its_studio_only_notes_its_use_and_stops_when_revoked()
    {
        var s = Instance();
        var (record, key) = s.DoorKeys.Create(3, "一楼门口", "staff:1");
        var (newer, _) = s.DoorKeys.Create(3, "二楼", "staff:1");
        Assert.True(record.Id > 0);
        Assert.NotEqual(key, record.Hash);
        Assert.Equal([newer.Id, record.Id], s.DoorKeys.OfStudio(3).Select(k => k.Id));
        Assert.Empty(s.DoorKeys.OfStudio(4));

        Time.Advance(TimeSpan.FromMinutes(1));
        var found = s.DoorKeys.Find(3, key)!;
        Assert.Equal((record.Id, "一楼门口", "staff:1", Monday), (found.Id, found.Label, found.CreatedBy, found.CreatedAt));
        Assert.Equal(Monday.AddMinutes(1), s.DoorKeys.OfStudio(3).Single(k => k.Id == record.Id).LastUsedAt);
        Assert.Null(s.DoorKeys.Find(4, key));
        Assert.Null(s.DoorKeys.Find(3, key + "x"));
        Assert.Null(s.DoorKeys.Find(3, new string('k', 101)));

        Assert.False(s.DoorKeys.Revoke(4, record.Id, "staff:2"));
        Assert.True(s.DoorKeys.Revoke(3, record.Id, "staff:2"));
        Assert.False(s.DoorKeys.Revoke(3, record.Id, "staff:2"));
        Assert.Null(s.DoorKeys.Find(3, key));
        var revoked = s.DoorKeys.OfStudio(3).Single(k => k.Id == record.Id);
        Assert.Equal(("staff:2", Monday.AddMinutes(1)), (revoked.RevokedBy, revoked.RevokedAt));
    }
}

/// <summary>The booking stores' contract on a LiteDB file.</summary>
public sealed class LiteDbBookingStoresContractTests : BookingStoresContractTests
{
    private readonly ILiteDatabase _db;

    public LiteDbBookingStoresContractTests()
    {
        var folder = new TempDirectory("booking-contract");
        _db = RecordsDatabase.Open(folder.File("assistant.db"));
        Own(folder);
        Own(_db);
    }

    private Stores? _stores;

    // One process owns the file and has one set of stores (they keep counts and studios in memory until they write):
    // "another instance" is the same stores.
    protected override Stores Instance(bool seedDemoStudio = false) => _stores ??= new(
        new LiteStudioStore(_db, Options(seedDemoStudio), NullLogger<LiteStudioStore>.Instance),
        new LiteBookingStore(_db),
        new LiteReminderStore(_db),
        new LiteDoorKeyStore(_db, Time));
}

/// <summary>The booking stores' contract on PostgreSQL: a database of its own on the test cluster, each instance its own pool.</summary>
public sealed class PostgresBookingStoresContractTests : BookingStoresContractTests
{
    private PostgresDatabase? _database;

    protected override Stores Instance(bool seedDemoStudio = false)
    {
        if (_database is null)
        {
            _database = PostgresServer.CreateDatabase();
            Own(_database);
        }
        var records = PostgresRecords.Open(_database.ConnectionString, NullLogger.Instance);
        Own(records);
        return new Stores(
            new PostgresStudioStore(records, Options(seedDemoStudio), NullLogger<PostgresStudioStore>.Instance),
            new PostgresBookingStore(records),
            new PostgresReminderStore(records),
            new PostgresDoorKeyStore(records, Time));
    }
}
