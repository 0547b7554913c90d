using ChatAssistant.Adapters;
using ChatAssistant.Booking;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Booking;

/// <summary>The booking rules with the records in LiteDB; <see cref="BookingServiceOnPostgresTests"/> runs them all on PostgreSQL.</summary>
public class BookingServiceTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private BookingService _service = null!;
    private Studio _studio = null!;

    /// <summary>The settings of the records (none: LiteDB).</summary>
    protected virtual Dictionary<string, string?> Records() => [];

    public virtual Task InitializeAsync()
    {
        var settings = BookingTestData.NoDemo();
        foreach (var (key, value) in Records()) settings[key] = value;
        _bot = BotHarness.Create(settings: settings);
        _service = _bot.Get<BookingService>();
        _studio = BookingTestData.Studio(_bot.Get<IStudioStore>());
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await _bot.DisposeAsync();

    private static DateTimeOffset At(int month, int day, int hour) => BookingTestData.At(month, day, hour);

    [Fact]
    public void Slots_follow_the_weekly_pattern_in_Beijing_time_and_skip_closures()
    {
        var store = _bot.Get<IStudioStore>();
        _studio.Closures = [new Closure { From = "2026-12-01", To = "2026-12-01", Reason = "检修" }];
        store.Update(_studio);
        var slots = _service.SlotsBetween(At(11, 26, 0), At(12, 3, 0)).Select(s => (s.Slot.Start, s.Slot.End)).ToList();
        Assert.Equal(
        [
            (At(11, 26, 14), At(11, 26, 16)),
            (At(11, 28, 9), At(11, 28, 11)),
            (At(12, 2, 14), At(12, 2, 16)),
            (At(12, 2, 16), At(12, 2, 18)),
        ], slots);
    }

    [Fact]
    public void Next_free_slots_come_in_order_across_weeks_without_repeats_when_the_first_weeks_are_closed()
    {
        // Now is Thu 2026-11-26 10:00: closed for 16 days, so the offer starts in the third week it reads.
        _studio.Closures = [new Closure { From = "2026-11-26", To = "2026-12-11", Reason = "装修" }];
        _bot.Get<IStudioStore>().Update(_studio);
        var starts = _service.NextFree(5).Select(s => s.Slot.Start).ToList();
        Assert.Equal([At(12, 12, 9), At(12, 15, 14), At(12, 16, 14), At(12, 16, 16), At(12, 17, 14)], starts);
    }

    [Fact]
    public void Slots_already_offered_change_when_staff_change_the_openings_or_closures()
    {
        var store = _bot.Get<IStudioStore>();
        var before = _service.SlotsBetween(At(12, 2, 0), At(12, 3, 0)).Select(s => s.Slot.Start).ToList();
        Assert.Equal([At(12, 2, 14), At(12, 2, 16)], before);

        _studio.Openings = [new WeeklyOpening { Day = DayOfWeek.Wednesday, Start = "08:00", End = "12:00" }];
        store.Update(_studio);
        Assert.Equal([At(12, 2, 8), At(12, 2, 10)], _service.SlotsBetween(At(12, 2, 0), At(12, 3, 0)).Select(s => s.Slot.Start));

        _studio.Closures = [new Closure { From = "2026-12-02", To = "2026-12-02", Reason = "检修" }];
        store.Update(_studio);
        Assert.Empty(_service.SlotsBetween(At(12, 2, 0), At(12, 3, 0)));
    }

    [Fact]
    public void A_place_freed_in_the_middle_of_a_slot_is_booked_and_a_full_slot_offers_alternatives()
    {
        var studio = BookingTestData.Studio(_bot.Get<IStudioStore>(), places: 3, name: "三人工作室");
        var first = _service.Book(BookingTestData.Who("D001"), studio.Id, At(12, 2, 14)).Booking!;
        var second = _service.Book(BookingTestData.Who("D002"), studio.Id, At(12, 2, 14)).Booking!;
        var third = _service.Book(BookingTestData.Who("D003"), studio.Id, At(12, 2, 14)).Booking!;
        Assert.Equal([1, 2, 3], new[] { first.Place, second.Place, third.Place });

        var full = _service.Book(BookingTestData.Who("D004"), studio.Id, At(12, 2, 14));
        Assert.Equal(BookStatus.Full, full.Status);
        Assert.NotEmpty(full.Alternatives!);

        Assert.Equal(CancelStatus.Cancelled, _service.Cancel("D002", second.Id).Status);
        var again = _service.Book(BookingTestData.Who("D004"), studio.Id, At(12, 2, 14));
        Assert.Equal(BookStatus.Booked, again.Status);
        Assert.Equal(2, again.Booking!.Place);
        Assert.Equal(3, _bot.Get<IBookingStore>().Taken(studio.Id, At(12, 2, 14)));
    }

    [Fact]
    public void A_studio_with_slots_shorter_than_two_hours_is_refused()
    {
        var bad = new Studio { Name = "短时工作室", County = "天台县", SlotMinutes = 60, Openings = [new WeeklyOpening { Day = DayOfWeek.Monday, Start = "09:00", End = "10:00" }] };
        var error = Assert.Throws<ArgumentException>(() => _bot.Get<IStudioStore>().Create(bad));
        Assert.Contains("至少 2 小时", error.Message);
    }

    [Fact]
    public void Booking_takes_a_place_and_schedules_a_reminder_the_evening_before()
    {
        var outcome = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14));
        Assert.Equal(BookStatus.Booked, outcome.Status);
        Assert.Equal(1, _bot.Get<IBookingStore>().Taken(_studio.Id, At(12, 2, 14)));
        var reminder = _bot.Get<IReminderStore>().Find(outcome.Booking!.Id);
        Assert.Equal(At(12, 1, 20), reminder!.DueAt);
        Assert.Equal(ReminderState.Pending, reminder.State);
    }

    [Fact]
    public void Past_slots_times_off_the_pattern_overlaps_and_more_than_the_cap_are_refused()
    {
        _bot.Time.SetUtcNow(At(11, 26, 14).AddMinutes(1));
        Assert.Equal(BookStatus.InPast, _service.Book(BookingTestData.Who("D001"), _studio.Id, At(11, 26, 14)).Status);
        Assert.Equal(BookStatus.NoSuchSlot, _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 15)).Status);

        var other = BookingTestData.Studio(_bot.Get<IStudioStore>(), name: "第二工作室");
        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Status);
        var overlap = _service.Book(BookingTestData.Who("D001"), other.Id, At(12, 2, 14));
        Assert.Equal(BookStatus.Overlap, overlap.Status);
        Assert.Equal(At(12, 2, 14), overlap.Conflict!.Start);

        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 3, 14)).Status);
        Assert.Equal(BookStatus.TooMany, _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 5, 9)).Status);
    }

    [Fact]
    public async Task Fifty_parallel_bookings_of_a_one_place_slot_give_one_booking_and_49_refusals_with_alternatives()
    {
        var slot = At(12, 2, 14);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(1, 50).Select(i => Task.Run(() =>
        {
            start.Wait();
            return _service.Book(BookingTestData.Who($"P{i:D3}"), _studio.Id, slot);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Single(outcomes, o => o.Status == BookStatus.Booked);
        var refused = outcomes.Where(o => o.Status != BookStatus.Booked).ToList();
        Assert.Equal(49, refused.Count);
        Assert.All(refused, o =>
        {
            Assert.Equal(BookStatus.Full, o.Status);
            Assert.NotEmpty(o.Suggestions);
            Assert.DoesNotContain(o.Suggestions, s => s.Slot.Start == slot);
            Assert.Equal(At(12, 2, 16), o.Suggestions.OrderBy(s => (s.Slot.Start - slot).Duration()).First().Slot.Start);
        });
        Assert.Equal(1, _bot.Get<IBookingStore>().CountOfStudio(_studio.Id));
    }

    [Fact]
    public async Task One_delegate_sending_many_bookings_at_once_still_gets_only_the_cap()
    {
        var slots = _service.NextFree(5).Select(s => s.Slot).ToList();
        var outcomes = await Task.WhenAll(slots.Select(s => Task.Run(() => _service.Book(BookingTestData.Who("D001"), s.StudioId, s.Start))));
        Assert.Equal(2, outcomes.Count(o => o.Status == BookStatus.Booked));
        Assert.Equal(2, _service.Upcoming("D001").Count);
    }

    [Fact]
    public void Cancelling_frees_the_place_and_stops_the_reminder_but_not_within_the_cutoff()
    {
        var later = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        var soon = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(11, 26, 14)).Booking!;

        Assert.Equal(CancelStatus.NotFound, _service.Cancel("D002", later.Id).Status);
        Assert.Equal(CancelStatus.TooLate, _service.Cancel("D001", soon.Id).Status);
        Assert.Equal(CancelStatus.Cancelled, _service.Cancel("D001", later.Id).Status);
        Assert.Equal(ReminderState.Cancelled, _bot.Get<IReminderStore>().Find(later.Id)!.State);
        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D002"), _studio.Id, At(12, 2, 14)).Status);
    }

    [Fact]
    public void Check_in_counts_inside_the_window_only_and_adds_to_the_yearly_standing()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(11, 26, 14)).Booking!;
        Assert.Equal(CheckInStatus.OutsideWindow, _service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen).Status);
        _bot.Time.SetUtcNow(At(11, 26, 13).AddMinutes(31));
        Assert.Equal(CheckInStatus.CheckedIn, _service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen).Status);
        Assert.Equal(CheckInStatus.AlreadyCheckedIn, _service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen).Status);
        Assert.Equal(CheckInStatus.NoBooking, _service.CheckIn("D002", _studio.Id, CheckInProof.DoorScreen).Status);
        Assert.Equal(CheckInStatus.UnknownStudio, _service.CheckIn("D001", 999, CheckInProof.DoorScreen).Status);

        var standing = _service.Standing("D001");
        Assert.Equal((1, 1), (standing.Attended, standing.Missing));
        Assert.Equal(Attendance.Attended, _bot.Get<IBookingStore>().Find(booking.Id)!.Attendance);
    }

    [Fact]
    public void The_printed_code_records_a_self_reported_check_in_that_counts_only_once_staff_confirm_it()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(11, 26, 14)).Booking!;
        var other = _service.Book(BookingTestData.Who("D002"), _studio.Id, At(11, 28, 9)).Booking!;
        var store = _bot.Get<IBookingStore>();
        _bot.Time.SetUtcNow(At(11, 26, 14).AddMinutes(3));

        Assert.Equal(CheckInStatus.SelfReported, _service.CheckIn("D001", _studio.Id, CheckInProof.PrintedCode).Status);
        var row = store.Find(booking.Id)!;
        Assert.Equal((Attendance.SelfReported, "printed-code", At(11, 26, 14).AddMinutes(3)), (row.Attendance, row.AttendanceBy, row.CheckedInAt));
        Assert.Equal((0, 2, 1), (_service.Standing("D001").Attended, _service.Standing("D001").Missing, _service.Standing("D001").SelfReported));
        Assert.Equal(CheckInStatus.AlreadySelfReported, _service.CheckIn("D001", _studio.Id, CheckInProof.PrintedCode).Status);

        // Staff confirm it: attended, and the scan's time is kept.
        Assert.True(_service.MarkAttendance(store.Find(booking.Id)!, Attendance.Attended, "staff:wang"));
        row = store.Find(booking.Id)!;
        Assert.Equal((Attendance.Attended, "staff:wang", At(11, 26, 14).AddMinutes(3)), (row.Attendance, row.AttendanceBy, row.CheckedInAt));
        Assert.Equal((1, 0), (_service.Standing("D001").Attended, _service.Standing("D001").SelfReported));
        // The printed code never downgrades a confirmed check-in.
        Assert.Equal(CheckInStatus.AlreadyCheckedIn, _service.CheckIn("D001", _studio.Id, CheckInProof.PrintedCode).Status);
        Assert.Equal(Attendance.Attended, store.Find(booking.Id)!.Attendance);

        // The door screen's code confirms a self-reported check-in at once.
        _bot.Time.SetUtcNow(At(11, 28, 9).AddMinutes(1));
        Assert.Equal(CheckInStatus.SelfReported, _service.CheckIn("D002", _studio.Id, CheckInProof.PrintedCode).Status);
        Assert.Equal(CheckInStatus.CheckedIn, _service.CheckIn("D002", _studio.Id, CheckInProof.DoorScreen).Status);
        Assert.Equal((Attendance.Attended, "door-screen"), (store.Find(other.Id)!.Attendance, store.Find(other.Id)!.AttendanceBy));
        Assert.Equal(CheckInStatus.AlreadyCheckedIn, _service.CheckIn("D002", _studio.Id, CheckInProof.DoorScreen).Status);
    }

    [Fact]
    public void With_two_duties_in_a_row_a_scan_checks_in_the_one_about_to_start()
    {
        var first = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        var second = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 16)).Booking!;
        _bot.Time.SetUtcNow(At(12, 2, 13).AddMinutes(50));
        Assert.Equal((CheckInStatus.CheckedIn, first.Id), Outcome(_service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen)));
        // At 16:05, for the 16:00 duty: not "already checked in" for the 14:00 one.
        _bot.Time.SetUtcNow(At(12, 2, 16).AddMinutes(5));
        Assert.Equal((CheckInStatus.CheckedIn, second.Id), Outcome(_service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen)));
        Assert.Equal((CheckInStatus.AlreadyCheckedIn, second.Id), Outcome(_service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen)));
        Assert.Equal(2, _service.Standing("D001").Attended);
    }

    [Fact]
    public void A_scan_after_a_missed_duty_credits_neither_it_nor_a_duty_long_over()
    {
        var first = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        var second = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 16)).Booking!;
        // 15:50, for the 16:00 duty: the missed 14:00 one is not marked attended.
        _bot.Time.SetUtcNow(At(12, 2, 15).AddMinutes(50));
        Assert.Equal((CheckInStatus.CheckedIn, second.Id), Outcome(_service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen)));
        Assert.Equal(Attendance.Unknown, _bot.Get<IBookingStore>().Find(first.Id)!.Attendance);
        // A scan 25 minutes after a duty ended is not a duty done (staff record late arrivals).
        var thursday = _service.Book(BookingTestData.Who("D002"), _studio.Id, At(12, 3, 14)).Booking!;
        _bot.Time.SetUtcNow(At(12, 3, 16).AddMinutes(25));
        Assert.Equal(CheckInStatus.NoBooking, _service.CheckIn("D002", _studio.Id, CheckInProof.DoorScreen).Status);
        Assert.Equal(Attendance.Unknown, _bot.Get<IBookingStore>().Find(thursday.Id)!.Attendance);
    }

    private static (CheckInStatus, int?) Outcome(CheckInOutcome o) => (o.Status, o.Booking?.Id);

    [Fact]
    public void After_staff_cut_the_places_a_slot_already_full_by_the_new_count_takes_nobody_else()
    {
        var store = _bot.Get<IStudioStore>();
        var studio = BookingTestData.Studio(store, places: 2, name: "两人工作室");
        _service.Book(BookingTestData.Who("D001"), studio.Id, At(12, 2, 14));
        var second = _service.Book(BookingTestData.Who("D002"), studio.Id, At(12, 2, 14)).Booking!;
        _service.Cancel("D001", _bot.Get<IBookingStore>().OfMember("D001").Single().Id); // place 1 free, place 2 held
        studio.PlacesPerSlot = 1;
        store.Update(studio);
        Assert.Equal(2, second.Place);
        Assert.Equal(BookStatus.Full, _service.Book(BookingTestData.Who("D003"), studio.Id, At(12, 2, 14)).Status);
        Assert.Equal(1, _bot.Get<IBookingStore>().Taken(studio.Id, At(12, 2, 14)));
    }

    [Fact]
    public void Attendance_written_from_a_copy_read_before_a_cancel_does_not_bring_the_booking_back()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        var staffCopy = _bot.Get<IBookingStore>().Find(booking.Id)!; // staff opened the booking ...
        Assert.Equal(CancelStatus.Cancelled, _service.Cancel("D001", booking.Id).Status); // ... the delegate cancels ...
        Assert.False(_service.MarkAttendance(staffCopy, Attendance.Unknown, "staff:1")); // ... then staff save
        var stored = _bot.Get<IBookingStore>().Find(booking.Id)!;
        Assert.Equal(BookingStatus.Cancelled, stored.Status);
        Assert.Equal(0, _bot.Get<IBookingStore>().Taken(_studio.Id, At(12, 2, 14)));
        Assert.Equal(BookStatus.Booked, _service.Book(BookingTestData.Who("D002"), _studio.Id, At(12, 2, 14)).Status);
    }

    [Fact]
    public void Nothing_past_the_booking_horizon_is_offered_or_booked()
    {
        var far = new DateTimeOffset(2027, 11, 30, 14, 0, 0, BookingTestData.Beijing); // a Tuesday slot, a year ahead
        Assert.Equal(BookStatus.BeyondHorizon, _service.Book(BookingTestData.Who("D001"), _studio.Id, far).Status);
        Assert.Empty(_service.Upcoming("D001"));
        Assert.Empty(_service.SlotsBetween(far.AddDays(-1), far.AddDays(1)));
        Assert.All(_service.SlotsBetween(At(11, 26, 0), At(11, 26, 0).AddDays(120)), s => Assert.True(s.Slot.Start < _service.Horizon));
        Assert.True(_service.SlotsBetween(At(11, 26, 0), At(11, 26, 0).AddDays(120)).Count > 10);
    }

    [Fact]
    public async Task A_reminder_due_during_an_outage_is_dropped_once_the_duty_has_started()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        _bot.Time.SetUtcNow(At(12, 2, 17)); // the server was down from the evening before until after the duty
        Assert.Equal(0, await _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None));
        Assert.Empty(_bot.Get<NoProactiveChannelMessenger>().Kept);
        var row = _bot.Get<IReminderStore>().Find(booking.Id)!;
        Assert.Equal(ReminderState.Failed, row.State);
        Assert.Contains("started", row.Error);
    }

    [Fact]
    public async Task A_reminder_sent_late_on_the_day_itself_says_today_not_tomorrow()
    {
        _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14));
        _bot.Time.SetUtcNow(At(12, 2, 9)); // due the evening before, the server came back the next morning
        await _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None);
        var text = Assert.Single(_bot.Get<NoProactiveChannelMessenger>().Kept).Text;
        Assert.StartsWith("【值班提醒】你预约了今天 12月2日(周三) 14:00-16:00", text);
    }

    [Fact]
    public async Task When_staff_close_the_studio_that_day_the_delegate_is_told_not_to_come()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        _studio.Closures = [new Closure { From = "2026-12-02", To = "2026-12-02", Reason = "检修" }];
        _bot.Get<IStudioStore>().Update(_studio);
        _bot.Time.SetUtcNow(At(12, 1, 20).AddMinutes(1));
        await _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None);
        var sent = Assert.Single(_bot.Get<NoProactiveChannelMessenger>().Kept);
        Assert.StartsWith("【值班变动】你预约的 12月2日(周三) 14:00-16:00 测试工作室值班，工作室那时不开放，这次预约已为你取消，请不要前往。", sent.Text);
        Assert.Null(sent.TemplateKey);
        Assert.Equal(ReminderState.Failed, _bot.Get<IReminderStore>().Find(booking.Id)!.State);
        // Cancelled for them (it is past the online cut-off), so it holds neither a place nor the delegate's quota.
        Assert.Equal(BookingStatus.Cancelled, _bot.Get<IBookingStore>().Find(booking.Id)!.Status);
        Assert.Empty(_service.Upcoming("D001"));
    }

    [Fact]
    public async Task New_opening_hours_that_still_cover_the_booked_time_send_the_usual_reminder()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        _studio.Openings = [.. _studio.Openings.Where(o => o.Day != DayOfWeek.Wednesday), new WeeklyOpening { Day = DayOfWeek.Wednesday, Start = "13:30", End = "17:30" }];
        _bot.Get<IStudioStore>().Update(_studio);
        _bot.Time.SetUtcNow(At(12, 1, 20).AddMinutes(1));
        await _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None);
        Assert.StartsWith("【值班提醒】你预约了明天 12月2日(周三) 14:00-16:00", Assert.Single(_bot.Get<NoProactiveChannelMessenger>().Kept).Text);
        Assert.Equal(BookingStatus.Booked, _bot.Get<IBookingStore>().Find(booking.Id)!.Status);
    }

    [Fact]
    public void A_scan_well_into_a_duty_says_check_in_has_closed_and_whom_to_ask()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 3, 14)); // a later duty too
        _bot.Time.SetUtcNow(At(12, 2, 14).AddMinutes(40));
        var outcome = _service.CheckIn("D001", _studio.Id, CheckInProof.DoorScreen);
        Assert.Equal((CheckInStatus.TooLate, booking.Id), (outcome.Status, outcome.Booking?.Id));
        Assert.Equal(Attendance.Unknown, _bot.Get<IBookingStore>().Find(booking.Id)!.Attendance);
    }

    [Fact]
    public async Task A_failed_send_is_recorded_with_the_channels_reason()
    {
        var booking = _service.Book(BookingTestData.Who("D001"), _studio.Id, At(12, 2, 14)).Booking!;
        _bot.Time.SetUtcNow(At(12, 1, 20).AddMinutes(1));
        Assert.Equal(0, await _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None));
        var row = _bot.Get<IReminderStore>().Find(booking.Id)!;
        Assert.Equal(ReminderState.Failed, row.State);
        Assert.StartsWith("no-channel:", row.Error);
        Assert.Single(_bot.Get<NoProactiveChannelMessenger>().Kept);
    }
}

/// <summary>Every booking rule of <see cref="BookingServiceTests"/> with the studios, bookings and reminders in PostgreSQL.</summary>
public sealed class BookingServiceOnPostgresTests : BookingServiceTests
{
    private readonly PostgresDatabases _databases = new();

    protected override Dictionary<string, string?> Records() => _databases.NewSettings();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _databases.Dispose();
    }
}
