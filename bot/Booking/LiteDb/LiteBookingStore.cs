using ChatAssistant.Storage;
using System.Globalization;
using LiteDB;

namespace ChatAssistant.Booking.LiteDb;

/// <summary>Duty bookings in LiteDB. A place is taken by one insert against a unique index, never by check-then-insert.</summary>
public sealed class LiteBookingStore : IBookingStore
{
    public const string Collection = "duty_bookings";

    private static readonly LiteQuery.Condition Live = LiteQuery.Is(nameof(DutyBooking.Status), LiteQuery.Name(BookingStatus.Booked));

    private readonly ILiteCollection<DutyBooking> _bookings;

    // Live places per slot key, in memory. Offering slots needs the occupancy of every slot in a window, and
    // reading every booking document for it was the hot spot once many delegates had bookings (docs/PERFORMANCE.md).
    // This store is the only writer of bookings and one process owns the LiteDB file, so the counts follow each
    // insert and cancellation; both happen under the same gate as the first count, so none is lost or doubled.
    private readonly object _countsGate = new();
    private Dictionary<string, int>? _counts;

    // One process owns the file, so striped in-process locks keep one delegate's parallel requests apart.
    private readonly object[] _memberGates = Enumerable.Range(0, 64).Select(_ => new object()).ToArray();

    public LiteBookingStore(ILiteDatabase db)
    {
        _bookings = db.GetCollection<DutyBooking>(Collection);
        _bookings.EnsureIndex(b => b.PlaceKey, unique: true);
        _bookings.EnsureIndex(b => b.SlotKey);
        _bookings.EnsureIndex(b => b.MemberId);
        _bookings.EnsureIndex(b => b.StudioId);
    }

    /// <summary>Inserts the booking; false when its place is already held (the unique index refused it).</summary>
    public bool TryInsert(DutyBooking booking)
    {
        booking.Id = 0;
        booking.Status = BookingStatus.Booked;
        booking.PlaceKey = DutyBooking.PlaceKeyOf(booking.StudioId, booking.Start, booking.Place);
        booking.SlotKey = DutyBooking.SlotKeyOf(booking.StudioId, booking.Start);
        try
        {
            lock (_countsGate)
            {
                _bookings.Insert(booking);
                if (_counts is not null) _counts[booking.SlotKey] = _counts.GetValueOrDefault(booking.SlotKey) + 1;
            }
            return true;
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public DutyBooking? Find(int id) => _bookings.FindById(id);

    /// <summary>Marks a booking cancelled and frees its place (the key no longer names the place).</summary>
    public void MarkCancelled(DutyBooking booking, DateTimeOffset at)
    {
        lock (_countsGate)
        {
            var stored = _bookings.FindById(booking.Id);
            var wasLive = stored?.Status == BookingStatus.Booked;
            // Attendance recorded since the caller read its copy stays.
            if (stored is not null) (booking.Attendance, booking.CheckedInAt, booking.AttendanceBy) = (stored.Attendance, stored.CheckedInAt, stored.AttendanceBy);
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = at;
            booking.PlaceKey = string.Create(CultureInfo.InvariantCulture, $"cancelled|{booking.Id}");
            _bookings.Update(booking);
            if (wasLive && _counts is not null) _counts[booking.SlotKey] = Math.Max(0, _counts.GetValueOrDefault(booking.SlotKey) - 1);
        }
    }

    /// <summary>
    /// Writes <paramref name="booking"/>'s attendance (status, check-in time, who recorded it) onto the stored
    /// booking, only while it is still booked: a copy read before a cancel never brings the cancelled booking back.
    /// </summary>
    public bool RecordAttendance(DutyBooking booking)
    {
        lock (_countsGate)
        {
            var current = _bookings.FindById(booking.Id);
            if (current is null || current.Status != BookingStatus.Booked) return false;
            current.Attendance = booking.Attendance;
            current.CheckedInAt = booking.CheckedInAt;
            current.AttendanceBy = booking.AttendanceBy;
            _bookings.Update(current);
            return true;
        }
    }

    /// <summary>Places taken in one slot.</summary>
    public int Taken(int studioId, DateTimeOffset start)
    {
        var key = DutyBooking.SlotKeyOf(studioId, start);
        lock (_countsGate)
        {
            _counts ??= _bookings.FindWhere(Live).GroupBy(b => b.SlotKey).ToDictionary(g => g.Key, g => g.Count());
            return _counts.GetValueOrDefault(key);
        }
    }

    public int[] Taken(int studioId, IReadOnlyList<DateTimeOffset> starts)
    {
        var taken = new int[starts.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = Taken(studioId, starts[i]);
        return taken;
    }

    /// <summary>Live bookings of one slot.</summary>
    public IReadOnlyList<DutyBooking> InSlot(int studioId, DateTimeOffset start)
    {
        var key = DutyBooking.SlotKeyOf(studioId, start);
        return _bookings.FindWhere(LiteQuery.Is(nameof(DutyBooking.SlotKey), key), Live).OrderBy(b => b.Place).ToList();
    }

    /// <summary>A delegate's live bookings (all times), oldest first.</summary>
    public IReadOnlyList<DutyBooking> OfMember(string memberId) =>
        _bookings.FindWhere(LiteQuery.Is(nameof(DutyBooking.MemberId), memberId), Live).OrderBy(b => b.Start).ToList();

    /// <summary>Live bookings of a studio between two instants (by start), oldest first.</summary>
    public IReadOnlyList<DutyBooking> OfStudio(int studioId, DateTimeOffset from, DateTimeOffset to) =>
        _bookings.FindWhere(LiteQuery.Is(nameof(DutyBooking.StudioId), studioId), Live).Where(b => b.Start >= from && b.Start < to)
            .OrderBy(b => b.Start).ThenBy(b => b.Place).ToList();

    /// <summary>Live bookings starting between two instants, any studio.</summary>
    public IReadOnlyList<DutyBooking> Between(DateTimeOffset from, DateTimeOffset to) =>
        _bookings.FindWhere(Live).Where(b => b.Start >= from && b.Start < to).OrderBy(b => b.Start).ToList();

    public T ForMember<T>(string memberId, Func<T> action)
    {
        lock (_memberGates[(uint)StringComparer.Ordinal.GetHashCode(memberId) % _memberGates.Length]) return action();
    }

    public int CountOfStudio(int studioId) => _bookings.CountWhere(LiteQuery.Is(nameof(DutyBooking.StudioId), studioId), Live);
}
