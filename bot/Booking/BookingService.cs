using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>
/// The duty-booking rules: which slots are free, booking (no past slots, no overlaps, a cap on open bookings,
/// one place per insert), cancelling until the cut-off, check-in and the yearly standing. No Bot.Builder types.
/// </summary>
public sealed class BookingService(
    IStudioStore studios,
    IBookingStore bookings,
    SlotCalendar calendar,
    ReminderPlanner reminders,
    AssistantClock clock,
    IOptions<BookingOptions> options,
    ILogger<BookingService> log)
{
    private BookingOptions Options => options.Value;

    /// <summary>Slots may be booked until this instant (<see cref="BookingOptions.BookingHorizonDays"/> from now).</summary>
    public DateTimeOffset Horizon => clock.Now.AddDays(Options.BookingHorizonDays);

    /// <summary>
    /// Slots overlapping [<paramref name="from"/>, <paramref name="to"/>) that have not started and start before
    /// the <see cref="Horizon"/>, with their occupancy.
    /// </summary>
    public IReadOnlyList<SlotAvailability> SlotsBetween(DateTimeOffset from, DateTimeOffset to, int? studioId = null, IReadOnlySet<string>? counties = null)
    {
        var now = clock.Now;
        var horizon = Horizon;
        if (to > horizon) to = horizon;
        if (from > to) return [];
        var result = new List<SlotAvailability>();
        foreach (var studio in StudiosFor(studioId, counties))
        {
            // A point in time ("下午3点") matches the slot that contains it.
            var slots = calendar.Slots(studio, calendar.DayOf(from), calendar.DayOf(to))
                .Where(slot => (from == to ? slot.Start <= from && from < slot.End : slot.Overlaps(from, to)) && slot.Start > now && slot.Start < horizon).ToList();
            if (slots.Count == 0) continue;
            // Occupancy of all the studio's slots at once: LiteDB's from its in-memory counts (a query per slot, then
            // per studio, were the server's hot spots under load; docs/PERFORMANCE.md), PostgreSQL's in one query.
            var taken = bookings.Taken(studio.Id, slots.Select(s => s.Start).ToList());
            for (var i = 0; i < slots.Count; i++)
                result.Add(new SlotAvailability(slots[i], studio, taken[i]));
        }
        return result.OrderBy(s => s.Slot.Start).ThenBy(s => s.Studio.Id).ToList();
    }

    /// <summary>
    /// Slots starting in [<paramref name="from"/>, <paramref name="to"/>) that have not started and start before the
    /// <see cref="Horizon"/>: the slots of a part of the day ("12月2日下午" → those starting 12:00–18:00).
    /// </summary>
    public IReadOnlyList<SlotAvailability> SlotsStartingBetween(DateTimeOffset from, DateTimeOffset to, int? studioId = null, IReadOnlySet<string>? counties = null) =>
        SlotsBetween(from, to, studioId, counties).Where(s => s.Slot.Start >= from && s.Slot.Start < to).ToList();

    /// <summary>
    /// Whether <paramref name="slot"/> can be offered to a delegate whose bookings still to come are
    /// <paramref name="theirs"/> (<see cref="Upcoming"/>): a place is free and none of theirs overlaps it (the slot
    /// they hold, or one at the same time in another studio).
    /// </summary>
    public static bool OpenTo(SlotAvailability slot, IReadOnlyList<DutyBooking> theirs) =>
        slot.Free > 0 && !theirs.Any(b => slot.Slot.Overlaps(b.Start, b.End));

    /// <summary>True when the delegate holds <see cref="BookingOptions.MaxOpenBookings"/> bookings that have not ended.</summary>
    public bool AtLimit(IReadOnlyList<DutyBooking> theirs) => theirs.Count >= Options.MaxOpenBookings;

    /// <summary>
    /// The next free slots from now on, earliest first; with <paramref name="theirs"/> (a delegate's bookings still to
    /// come) only those open to that delegate (<see cref="OpenTo"/>).
    /// </summary>
    public IReadOnlyList<SlotAvailability> NextFree(int count, int? studioId = null, IReadOnlyList<DutyBooking>? theirs = null, IReadOnlySet<string>? counties = null)
    {
        var now = clock.Now;
        var horizon = Horizon;
        var found = new List<SlotAvailability>(count);
        theirs ??= [];
        // A week at a time: the first free slots are nearly always in the first week, so an offer builds one
        // week of slots instead of the whole horizon (60 days by default). Slots are counted in the week they
        // start in, so none is offered twice.
        for (var from = now; from < horizon && found.Count < count; from = from.AddDays(7))
        {
            var to = from.AddDays(7) < horizon ? from.AddDays(7) : horizon;
            found.AddRange(SlotsBetween(from, to, studioId, counties)
                .Where(s => OpenTo(s, theirs) && s.Slot.Start >= from && s.Slot.Start < to).Take(count - found.Count));
        }
        return found;
    }

    /// <summary>
    /// Free slots closest in time to <paramref name="target"/> (before or after), in order of start; with
    /// <paramref name="theirs"/> only those open to that delegate (<see cref="OpenTo"/>).
    /// </summary>
    public IReadOnlyList<SlotAvailability> NearestFree(DateTimeOffset target, int count, int? studioId = null, IReadOnlyList<DutyBooking>? theirs = null, IReadOnlySet<string>? counties = null)
    {
        var now = clock.Now;
        var from = target.AddDays(-14) > now ? target.AddDays(-14) : now;
        theirs ??= [];
        return SlotsBetween(from, target.AddDays(28), studioId, counties).Where(s => OpenTo(s, theirs))
            .OrderBy(s => (s.Slot.Start - target).Duration()).Take(count).OrderBy(s => s.Slot.Start).ToList();
    }

    /// <summary>One slot with its occupancy, or null when the studio has no slot starting then.</summary>
    public SlotAvailability? Slot(int studioId, DateTimeOffset start)
    {
        var studio = studios.Read(studioId);
        if (studio is null) return null;
        var slot = calendar.SlotAt(studio, start);
        return slot is null ? null : new SlotAvailability(slot, studio, bookings.Taken(studioId, slot.Start));
    }

    /// <summary>Books a place in a slot for a delegate.</summary>
    public BookOutcome Book(DelegateRef who, int studioId, DateTimeOffset start)
    {
        var studio = studios.Read(studioId);
        var slot = studio is null ? null : calendar.SlotAt(studio, start);
        if (studio is null || slot is null) return new BookOutcome(BookStatus.NoSuchSlot);
        var now = clock.Now;
        if (slot.Start <= now) return new BookOutcome(BookStatus.InPast);
        if (slot.Start >= Horizon) return new BookOutcome(BookStatus.BeyondHorizon);

        // Per-delegate rules (overlap, cap) are checks over the delegate's own bookings: the store runs them with no
        // other booking of the same delegate at the same time, on any instance. Places between delegates need no
        // lock: the unique key decides.
        var booked = bookings.ForMember<BookOutcome?>(who.MemberId, () =>
        {
            var open = bookings.OfMember(who.MemberId).Where(b => b.End > now).ToList();
            var clash = open.FirstOrDefault(b => slot.Overlaps(b.Start, b.End));
            if (clash is not null) return new BookOutcome(BookStatus.Overlap, Conflict: clash);
            if (open.Count >= Options.MaxOpenBookings) return new BookOutcome(BookStatus.TooMany);

            // A failed insert costs a LiteDB rollback and an exception, so places known to be held are not tried (an
            // empty slot, by its count, needs no look-up). The unique index still decides between
            // delegates booking the same place at the same moment.
            var taken = bookings.Taken(studio.Id, slot.Start);
            // Places cut after bookings were made (3 → 2 with place 3 held) must not let a new booking take place 1.
            var held = taken == 0 ? [] : bookings.InSlot(studio.Id, slot.Start).Select(b => b.Place).ToHashSet();
            foreach (var place in Enumerable.Range(1, taken >= studio.PlacesPerSlot ? 0 : studio.PlacesPerSlot).Where(p => !held.Contains(p)))
            {
                var booking = new DutyBooking
                {
                    StudioId = studio.Id,
                    MemberId = who.MemberId,
                    ChannelId = who.ChannelId,
                    UserId = who.UserId,
                    Start = slot.Start,
                    End = slot.End,
                    Place = place,
                    CreatedAt = now,
                };
                if (!bookings.TryInsert(booking)) continue;
                reminders.Schedule(booking);
                log.LogInformation("Booked {BookingId}: studio {StudioId} at {Start} place {Place}", booking.Id, studio.Id, slot.Start, place);
                ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Booking("booked");
                return new BookOutcome(BookStatus.Booked, booking);
            }
            return null;
        });
        if (booked is not null) return booked;
        log.LogInformation("Slot full: studio {StudioId} at {Start}", studio.Id, slot.Start);
        return new BookOutcome(BookStatus.Full, Alternatives: NearestFree(slot.Start, Options.SuggestionCount));
    }

    /// <summary>Cancels a delegate's own booking, unless it starts within the cut-off.</summary>
    public CancelOutcome Cancel(string memberId, int bookingId)
    {
        var booking = bookings.Find(bookingId);
        if (booking is null || booking.MemberId != memberId || booking.Status != BookingStatus.Booked) return new CancelOutcome(CancelStatus.NotFound);
        var now = clock.Now;
        if (booking.Start - now < Options.CancelCutoff) return new CancelOutcome(CancelStatus.TooLate, booking);
        bookings.MarkCancelled(booking, now);
        reminders.Cancel(booking.Id);
        log.LogInformation("Cancelled {BookingId}", booking.Id);
        ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Booking("cancelled");
        return new CancelOutcome(CancelStatus.Cancelled, booking);
    }

    /// <summary>
    /// The studio's live bookings still to come whose time it is no longer open at (a closure, new hours, or the
    /// studio deactivated): what staff must sort out after changing it. Their reminder evening tells the
    /// delegates and cancels them (<see cref="ReminderService"/>).
    /// </summary>
    public IReadOnlyList<DutyBooking> OutsideOpenings(Studio studio)
    {
        var now = clock.Now;
        return bookings.OfStudio(studio.Id, now, DateTimeOffset.MaxValue).Where(b => !calendar.IsOpenAt(studio, b.Start, b.End)).ToList();
    }

    /// <summary>Whether a booking may still be cancelled online.</summary>
    public bool CanCancel(DutyBooking booking) => booking.Start - clock.Now >= Options.CancelCutoff;

    /// <summary>The delegate's bookings that have not ended.</summary>
    public IReadOnlyList<DutyBooking> Upcoming(string memberId)
    {
        var now = clock.Now;
        return bookings.OfMember(memberId).Where(b => b.End > now).ToList();
    }

    /// <summary>Attended duties this year (Beijing calendar year) against the yearly requirement.</summary>
    public DutyStanding Standing(string memberId, int? year = null)
    {
        var y = year ?? clock.Now.Year;
        var thisYear = bookings.OfMember(memberId).Where(b => clock.ToLocal(b.Start).Year == y).ToList();
        return new DutyStanding(y, thisYear.Count(b => b.Attendance == Attendance.Attended), Options.RequiredDutiesPerYear, Upcoming(memberId),
            thisYear.Count(b => b.Attendance == Attendance.SelfReported));
    }

    /// <summary>
    /// Records attendance when the delegate scans a door code within <see cref="BookingOptions.CheckInWindow"/> of a
    /// booked duty's start (a scan after the duty, or well into it, is not a whole duty: staff record it). The door
    /// screen's current code (<see cref="CheckInProof.DoorScreen"/>) confirms attendance; the printed code, which a
    /// photo replays from anywhere, records it as self-reported for staff to confirm, and never downgrades a
    /// confirmed one. With two duties in a row it is the one starting nearest to now that is not checked in yet, so
    /// a scan for the second never lands on the first.
    /// </summary>
    public CheckInOutcome CheckIn(string memberId, int studioId, CheckInProof proof)
    {
        var studio = studios.Read(studioId);
        if (studio is null) return new CheckInOutcome(CheckInStatus.UnknownStudio);
        var now = clock.Now;
        var window = Options.CheckInWindow;
        var recorded = proof == CheckInProof.DoorScreen ? Attendance.Attended : Attendance.SelfReported;
        bool Done(DutyBooking b) => b.Attendance == Attendance.Attended || b.Attendance == recorded;
        var mine = bookings.OfMember(memberId).Where(b => b.StudioId == studioId).ToList();
        var open = mine.Where(b => (b.Start - now).Duration() <= window).OrderBy(b => (b.Start - now).Duration()).ToList();
        var current = open.FirstOrDefault(b => !Done(b)) ?? open.FirstOrDefault();
        if (current is null)
        {
            if (mine.FirstOrDefault(b => b.Start < now && now < b.End && !Done(b)) is { } underWay)
                return new CheckInOutcome(CheckInStatus.TooLate, underWay, studio);
            var next = mine.FirstOrDefault(b => b.Start > now);
            return new CheckInOutcome(next is null ? CheckInStatus.NoBooking : CheckInStatus.OutsideWindow, next, studio);
        }
        if (Done(current))
            return new CheckInOutcome(current.Attendance == Attendance.Attended ? CheckInStatus.AlreadyCheckedIn : CheckInStatus.AlreadySelfReported, current, studio);
        current.Attendance = recorded;
        current.CheckedInAt = now;
        current.AttendanceBy = proof == CheckInProof.DoorScreen ? "door-screen" : "printed-code";
        if (!bookings.RecordAttendance(current)) return new CheckInOutcome(CheckInStatus.NoBooking, null, studio); // cancelled meanwhile
        log.LogInformation("Checked in {BookingId} by {Proof}", current.Id, proof);
        ChatAssistant.Adapters.Telemetry.AssistantTelemetry.CheckIn(recorded == Attendance.Attended ? "door" : "self_reported");
        return new CheckInOutcome(recorded == Attendance.Attended ? CheckInStatus.CheckedIn : CheckInStatus.SelfReported, current, studio);
    }

    /// <summary>
    /// Staff record attendance or absence; false when the slot has not begun (nothing to record yet) or the booking
    /// was cancelled meanwhile.
    /// </summary>
    public bool MarkAttendance(DutyBooking booking, Attendance attendance, string by)
    {
        if (attendance == Attendance.SelfReported) throw new ArgumentOutOfRangeException(nameof(attendance), "Only a delegate's scan of the printed code self-reports.");
        var now = clock.Now;
        if (attendance != Attendance.Unknown && booking.Start - Options.CheckInWindow > now) return false;
        booking.Attendance = attendance;
        booking.CheckedInAt = attendance == Attendance.Attended ? booking.CheckedInAt ?? now : null;
        booking.AttendanceBy = by;
        if (!bookings.RecordAttendance(booking)) return false;
        log.LogInformation("Attendance of {BookingId} set to {Attendance}", booking.Id, attendance);
        return true;
    }

    // One studio, or every active one — of the given counties only when an Official Account names its own (a city's
    // account offers its studios; an account without Counties, or the web chat, offers them all).
    private IEnumerable<Studio> StudiosFor(int? studioId, IReadOnlySet<string>? counties) =>
        (studioId is null ? studios.Active() : studios.Read(studioId.Value) is { Active: true } s ? [s] : [])
            .Where(studio => counties is null || counties.Contains(studio.County));
}
