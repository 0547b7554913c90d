namespace ChatAssistant.Booking;

/// <summary>
/// Duty bookings (LiteDB: <see cref="LiteDb.LiteBookingStore"/>; PostgreSQL: <see cref="Postgres.PostgresBookingStore"/>).
/// A place is taken by one insert against a unique key, never by check-then-insert, so two delegates never hold one
/// place however many instances take bookings.
/// </summary>
public interface IBookingStore
{
    /// <summary>Inserts the booking (setting its id, status and keys); false when its place is already held.</summary>
    bool TryInsert(DutyBooking booking);

    DutyBooking? Find(int id);

    /// <summary>
    /// Marks a booking cancelled and frees its place; <paramref name="booking"/> takes the stored attendance (recorded
    /// since the caller read it), the cancelled status, time and key.
    /// </summary>
    void MarkCancelled(DutyBooking booking, DateTimeOffset at);

    /// <summary>
    /// Writes <paramref name="booking"/>'s attendance (status, check-in time, who recorded it) onto the stored booking,
    /// only while it is still booked: a copy read before a cancel never brings the cancelled booking back.
    /// </summary>
    bool RecordAttendance(DutyBooking booking);

    /// <summary>Places taken in one slot.</summary>
    int Taken(int studioId, DateTimeOffset start);

    /// <summary>Places taken in each of a studio's slots starting at <paramref name="starts"/>, in that order.</summary>
    int[] Taken(int studioId, IReadOnlyList<DateTimeOffset> starts);

    /// <summary>Live bookings of one slot, by place.</summary>
    IReadOnlyList<DutyBooking> InSlot(int studioId, DateTimeOffset start);

    /// <summary>A delegate's live bookings (all times), oldest first.</summary>
    IReadOnlyList<DutyBooking> OfMember(string memberId);

    /// <summary>Live bookings of a studio between two instants (by start), oldest first.</summary>
    IReadOnlyList<DutyBooking> OfStudio(int studioId, DateTimeOffset from, DateTimeOffset to);

    /// <summary>Live bookings starting between two instants, any studio.</summary>
    IReadOnlyList<DutyBooking> Between(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// Runs <paramref name="action"/> while no other call of this method for the same delegate runs, on any instance
    /// (a delegate's rules — overlap, the cap — are checks over their own bookings before an insert).
    /// </summary>
    T ForMember<T>(string memberId, Func<T> action);

    /// <summary>Live bookings of a studio, any time.</summary>
    int CountOfStudio(int studioId);
}
