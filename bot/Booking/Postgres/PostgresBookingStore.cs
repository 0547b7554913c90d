using System.Globalization;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Booking.Postgres;

/// <summary>
/// Duty bookings in PostgreSQL (<c>duty_bookings</c>, migration 0001). A place is taken by one insert against the
/// unique constraint on <c>place_key</c> (<c>ON CONFLICT DO NOTHING</c>), so of any number of instances booking the
/// same place at once exactly one wins. Nothing is kept in memory: several instances write these rows, so the places
/// taken are counted in the database on each call (a partial index on live bookings keeps it cheap), unlike the
/// LiteDB store, whose counts are safe in memory only because one process owns its file.
/// </summary>
public sealed class PostgresBookingStore(PostgresRecords records) : IBookingStore
{
    private const string Columns =
        "id AS Id, studio_id AS StudioId, member_id AS MemberId, channel_id AS ChannelId, user_id AS UserId, start_at AS Start, " +
        "end_at AS \"End\", place AS Place, place_key AS PlaceKey, slot_key AS SlotKey, status AS Status, attendance AS Attendance, " +
        "checked_in_at AS CheckedInAt, attendance_by AS AttendanceBy, created_at AS CreatedAt, cancelled_at AS CancelledAt";

    private const string Booked = nameof(BookingStatus.Booked);

    // Two-key advisory locks: the first names what is locked (the bookings of a delegate), the second which delegate.
    private const int MemberLockSpace = 0x4442_4B47; // "DBKG"

    /// <summary>How <c>records copy</c> moves bookings (ids kept).</summary>
    public static RecordsTableCopy<DutyBooking> Copy() => new(
        "duty_bookings",
        """
        INSERT INTO duty_bookings (id, studio_id, member_id, channel_id, user_id, start_at, end_at, place, place_key, slot_key,
                                   status, attendance, checked_in_at, attendance_by, created_at, cancelled_at)
        VALUES (@Id, @StudioId, @MemberId, @ChannelId, @UserId, @Start, @End, @Place, @PlaceKey, @SlotKey,
                @Status, @Attendance, @CheckedInAt, @AttendanceBy, @CreatedAt, @CancelledAt)
        """,
        b => new
        {
            b.Id, b.StudioId, b.MemberId, b.ChannelId, b.UserId, b.Start, b.End, b.Place, b.PlaceKey, b.SlotKey,
            Status = b.Status.ToString(), Attendance = b.Attendance.ToString(), b.CheckedInAt, b.AttendanceBy, b.CreatedAt, b.CancelledAt,
        },
        (c, t) => c.Query<DutyBooking>($"SELECT {Columns} FROM duty_bookings ORDER BY id", transaction: t),
        identity: true);

    public bool TryInsert(DutyBooking booking)
    {
        booking.Status = BookingStatus.Booked;
        booking.PlaceKey = DutyBooking.PlaceKeyOf(booking.StudioId, booking.Start, booking.Place);
        booking.SlotKey = DutyBooking.SlotKeyOf(booking.StudioId, booking.Start);
        var id = records.Use((c, t) => c.ExecuteScalar<int?>(
            """
            INSERT INTO duty_bookings (studio_id, member_id, channel_id, user_id, start_at, end_at, place, place_key, slot_key,
                                       status, attendance, checked_in_at, attendance_by, created_at, cancelled_at)
            VALUES (@StudioId, @MemberId, @ChannelId, @UserId, @Start, @End, @Place, @PlaceKey, @SlotKey,
                    @Status, @Attendance, @CheckedInAt, @AttendanceBy, @CreatedAt, NULL)
            ON CONFLICT (place_key) DO NOTHING
            RETURNING id
            """,
            new
            {
                booking.StudioId, booking.MemberId, booking.ChannelId, booking.UserId, booking.Start, booking.End, booking.Place,
                booking.PlaceKey, booking.SlotKey, Status = Booked, Attendance = booking.Attendance.ToString(), booking.CheckedInAt,
                booking.AttendanceBy, booking.CreatedAt,
            }, t));
        if (id is null) return false;
        booking.Id = id.Value;
        return true;
    }

    public DutyBooking? Find(int id) =>
        records.Use((c, t) => c.QuerySingleOrDefault<DutyBooking>($"SELECT {Columns} FROM duty_bookings WHERE id = @id", new { id }, t));

    public void MarkCancelled(DutyBooking booking, DateTimeOffset at)
    {
        var placeKey = string.Create(CultureInfo.InvariantCulture, $"cancelled|{booking.Id}");
        // One statement: the place is freed, and the attendance recorded meanwhile comes back with it.
        var stored = records.Use((c, t) => c.QuerySingleOrDefault<StoredAttendance>(
            "UPDATE duty_bookings SET status = @status, cancelled_at = @at, place_key = @placeKey WHERE id = @id " +
            "RETURNING attendance AS Attendance, checked_in_at AS CheckedInAt, attendance_by AS AttendanceBy",
            new { status = nameof(BookingStatus.Cancelled), at, placeKey, id = booking.Id }, t));
        if (stored is not null) (booking.Attendance, booking.CheckedInAt, booking.AttendanceBy) = (stored.Attendance, stored.CheckedInAt, stored.AttendanceBy);
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = at;
        booking.PlaceKey = placeKey;
    }

    public bool RecordAttendance(DutyBooking booking) => records.Use((c, t) => c.Execute(
        "UPDATE duty_bookings SET attendance = @attendance, checked_in_at = @CheckedInAt, attendance_by = @AttendanceBy WHERE id = @Id AND status = @booked",
        new { attendance = booking.Attendance.ToString(), booking.CheckedInAt, booking.AttendanceBy, booking.Id, booked = Booked }, t)) == 1;

    public int Taken(int studioId, DateTimeOffset start) => records.Use((c, t) => c.ExecuteScalar<int>(
        "SELECT count(*) FROM duty_bookings WHERE slot_key = @key AND status = @booked",
        new { key = DutyBooking.SlotKeyOf(studioId, start), booked = Booked }, t));

    /// <summary>One query for all the slots an offer shows (a count per slot would be a round trip each).</summary>
    public int[] Taken(int studioId, IReadOnlyList<DateTimeOffset> starts)
    {
        var taken = new int[starts.Count];
        if (starts.Count == 0) return taken;
        var keys = starts.Select(s => DutyBooking.SlotKeyOf(studioId, s)).ToArray();
        var counts = records.Use((c, t) => c.Query<(string Key, int Count)>(
            "SELECT slot_key, count(*)::int FROM duty_bookings WHERE slot_key = ANY(@keys) AND status = @booked GROUP BY slot_key",
            new { keys, booked = Booked }, t)).ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
        for (var i = 0; i < taken.Length; i++) taken[i] = counts.GetValueOrDefault(keys[i]);
        return taken;
    }

    public IReadOnlyList<DutyBooking> InSlot(int studioId, DateTimeOffset start) =>
        Query($"SELECT {Columns} FROM duty_bookings WHERE slot_key = @key AND status = @booked ORDER BY place",
            new { key = DutyBooking.SlotKeyOf(studioId, start), booked = Booked });

    public IReadOnlyList<DutyBooking> OfMember(string memberId) =>
        Query($"SELECT {Columns} FROM duty_bookings WHERE member_id = @memberId AND status = @booked ORDER BY start_at, id",
            new { memberId, booked = Booked });

    public IReadOnlyList<DutyBooking> OfStudio(int studioId, DateTimeOffset from, DateTimeOffset to) =>
        Query($"SELECT {Columns} FROM duty_bookings WHERE studio_id = @studioId AND status = @booked AND start_at >= @from AND start_at < @to " +
              "ORDER BY start_at, place", new { studioId, booked = Booked, from = PostgresLimits.Clamp(from), to = PostgresLimits.Clamp(to) });

    public IReadOnlyList<DutyBooking> Between(DateTimeOffset from, DateTimeOffset to) =>
        Query($"SELECT {Columns} FROM duty_bookings WHERE status = @booked AND start_at >= @from AND start_at < @to ORDER BY start_at, id",
            new { booked = Booked, from = PostgresLimits.Clamp(from), to = PostgresLimits.Clamp(to) });

    /// <summary>
    /// Runs <paramref name="action"/> in one transaction holding an advisory lock named after the delegate: instances
    /// booking for one delegate at once take turns, and the booking with its reminder is written together (the other
    /// stores' calls on this thread join the transaction). The lock ends with the transaction, or with the connection
    /// if this process dies.
    /// </summary>
    public T ForMember<T>(string memberId, Func<T> action) => records.Exclusively(MemberLockSpace, memberId, action);

    public int CountOfStudio(int studioId) => records.Use((c, t) => c.ExecuteScalar<int>(
        "SELECT count(*) FROM duty_bookings WHERE studio_id = @studioId AND status = @booked", new { studioId, booked = Booked }, t));

    private List<DutyBooking> Query(string sql, object parameters) => records.Use((c, t) => c.Query<DutyBooking>(sql, parameters, t).AsList());

    private sealed class StoredAttendance
    {
        public Attendance Attendance { get; set; }

        public DateTimeOffset? CheckedInAt { get; set; }

        public string? AttendanceBy { get; set; }
    }
}
