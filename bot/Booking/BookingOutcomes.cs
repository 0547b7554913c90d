namespace ChatAssistant.Booking;

/// <summary>Who books: the delegate's roster id and where to reach them.</summary>
public sealed record DelegateRef(string MemberId, string ChannelId, string UserId);

public enum BookStatus
{
    Booked,
    /// <summary>Every place of the slot is taken; see the alternatives.</summary>
    Full,
    NoSuchSlot,
    InPast,
    /// <summary>The delegate already has a booking at that time.</summary>
    Overlap,
    /// <summary>The delegate already holds the maximum of open bookings.</summary>
    TooMany,
    /// <summary>The slot starts after the booking horizon (<see cref="BookingOptions.BookingHorizonDays"/>).</summary>
    BeyondHorizon,
}

/// <summary>What came of a booking attempt.</summary>
public sealed record BookOutcome(BookStatus Status, DutyBooking? Booking = null, IReadOnlyList<SlotAvailability>? Alternatives = null, DutyBooking? Conflict = null)
{
    public IReadOnlyList<SlotAvailability> Suggestions => Alternatives ?? [];
}

public enum CancelStatus
{
    Cancelled,
    NotFound,
    /// <summary>Too close to the start to cancel online.</summary>
    TooLate,
}

public sealed record CancelOutcome(CancelStatus Status, DutyBooking? Booking = null);

public enum CheckInStatus
{
    /// <summary>Confirmed attendance (the door screen's current code).</summary>
    CheckedIn,
    /// <summary>Recorded as self-reported, to be confirmed by staff (the printed code).</summary>
    SelfReported,
    AlreadyCheckedIn,
    /// <summary>The printed code again on a duty already self-reported.</summary>
    AlreadySelfReported,
    /// <summary>The delegate has a booking at the studio, but not now.</summary>
    OutsideWindow,
    /// <summary>A booked duty is under way, but the check-in window of its start has passed: staff record it.</summary>
    TooLate,
    NoBooking,
    UnknownStudio,
}

/// <summary>What a check-in scan showed: the door screen's current code, or the studio's printed (permanent) code.</summary>
public enum CheckInProof
{
    DoorScreen,
    PrintedCode,
}

public sealed record CheckInOutcome(CheckInStatus Status, DutyBooking? Booking = null, Studio? Studio = null);

/// <summary>
/// A delegate's year: attended duties against the requirement, what is booked, and duties self-reported with the
/// printed door code that staff have yet to confirm (not counted as attended).
/// </summary>
public sealed record DutyStanding(int Year, int Attended, int Required, IReadOnlyList<DutyBooking> Upcoming, int SelfReported = 0)
{
    public int Missing => Math.Max(0, Required - Attended);
}
