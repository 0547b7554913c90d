using System.Globalization;

namespace ChatAssistant.Booking;

/// <summary>Rules of the delegates' duty rota (section "Booking" of the settings).</summary>
public sealed class BookingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Booking";

    /// <summary>Open future bookings one delegate may hold at a time.</summary>
    public int MaxOpenBookings { get; set; } = 2;

    /// <summary>Cancelling online is allowed until this long before the slot starts.</summary>
    public TimeSpan CancelCutoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Duties a delegate must sit per year (天台: 每年驻室不少于2次).</summary>
    public int RequiredDutiesPerYear { get; set; } = 2;

    /// <summary>Beijing wall-clock time, the day before the duty, when the reminder goes out ("20:00").</summary>
    public string ReminderTime { get; set; } = "20:00";

    /// <summary>How often the reminder service looks for due reminders.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Scanning the door code checks in from this long before a duty's start until this long after it.</summary>
    public TimeSpan CheckInWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The door screen shows a new QR code this often (a photo of it soon stops working).</summary>
    public TimeSpan DoorCodeRenewal { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A door-screen code checks in for this long after it was made; longer than the renewal, so the code on screen always works.</summary>
    public TimeSpan DoorCodeValidity { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How far ahead slots are offered.</summary>
    public int BookingHorizonDays { get; set; } = 60;

    /// <summary>How many slots a list in the chat shows.</summary>
    public int SuggestionCount { get; set; } = 5;

    /// <summary>Creates the demo studio (天台县团代表工作室) when the database has no studio yet.</summary>
    public bool SeedDemoStudio { get; set; } = true;

    /// <summary>The reminder time as a time of day (valid after validation).</summary>
    public TimeOnly ReminderTimeOfDay => TimeOnly.ParseExact(ReminderTime, "HH:mm", CultureInfo.InvariantCulture);
}
