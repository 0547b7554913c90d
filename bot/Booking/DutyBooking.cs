using System.Globalization;

namespace ChatAssistant.Booking;

/// <summary>One delegate's place in one duty slot.</summary>
public sealed class DutyBooking
{
    public int Id { get; set; }

    public int StudioId { get; set; }

    /// <summary>The delegate's roster id (not the OpenID).</summary>
    public string MemberId { get; set; } = "";

    /// <summary>Where reminders go: the channel and the user on it (the OpenID on WeChat).</summary>
    public string ChannelId { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    /// <summary>Which of the slot's places this booking holds (1..PlacesPerSlot).</summary>
    public int Place { get; set; }

    /// <summary>
    /// Unique index: "studio|start|place" while booked. Two delegates can never hold the same place because
    /// the second insert fails on this index. Cancelling frees the place by changing the key.
    /// </summary>
    public string PlaceKey { get; set; } = "";

    /// <summary>"studio|start" (not unique): finds everyone in a slot.</summary>
    public string SlotKey { get; set; } = "";

    public BookingStatus Status { get; set; } = BookingStatus.Booked;

    public Attendance Attendance { get; set; } = Attendance.Unknown;

    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>
    /// Who recorded the attendance: "door-screen" (the door screen's renewed code), "printed-code" (the permanent code:
    /// self-reported), "staff:&lt;id&gt;", or "scan" (the door code before the screen existed).
    /// </summary>
    public string? AttendanceBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public static string SlotKeyOf(int studioId, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"{studioId}|{start.ToUnixTimeSeconds()}");

    public static string PlaceKeyOf(int studioId, DateTimeOffset start, int place) =>
        string.Create(CultureInfo.InvariantCulture, $"{SlotKeyOf(studioId, start)}|{place}");
}

public enum BookingStatus
{
    Booked,
    Cancelled,
}

public enum Attendance
{
    Unknown,
    Attended,
    Absent,
    /// <summary>
    /// The delegate scanned the printed door code, which a photo can replay from anywhere: recorded, but not counted as
    /// attended until staff confirm it.
    /// </summary>
    SelfReported,
}
