using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>Rules of the delegates' duty rota (section "Booking" of the settings).</summary>
public sealed class BookingOptions
{
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

internal sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions o)
    {
        var errors = new List<string>();
        if (o.MaxOpenBookings < 1) errors.Add("Setting 'Booking:MaxOpenBookings' must be at least 1.");
        if (o.CancelCutoff < TimeSpan.Zero) errors.Add("Setting 'Booking:CancelCutoff' must be a non-negative time span such as '1.00:00:00' (24 hours).");
        if (o.RequiredDutiesPerYear < 0) errors.Add("Setting 'Booking:RequiredDutiesPerYear' must be 0 or more.");
        if (!TimeOnly.TryParseExact(o.ReminderTime ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add($"Setting 'Booking:ReminderTime' must be a time such as '20:00', not '{o.ReminderTime}'.");
        if (o.ReminderPollInterval <= TimeSpan.Zero) errors.Add("Setting 'Booking:ReminderPollInterval' must be a positive time span such as '00:01:00'.");
        if (o.CheckInWindow < TimeSpan.Zero) errors.Add("Setting 'Booking:CheckInWindow' must be a non-negative time span such as '00:30:00'.");
        if (o.DoorCodeRenewal < TimeSpan.FromSeconds(1) || o.DoorCodeRenewal > TimeSpan.FromHours(1))
            errors.Add("Setting 'Booking:DoorCodeRenewal' must be between '00:00:01' and '01:00:00' (default '00:01:00').");
        if (o.DoorCodeValidity <= o.DoorCodeRenewal || o.DoorCodeValidity > TimeSpan.FromDays(1))
            errors.Add("Setting 'Booking:DoorCodeValidity' must be longer than 'Booking:DoorCodeRenewal' (so the code on the screen always works) and at most a day (default '00:02:00').");
        if (o.BookingHorizonDays is < 1 or > 366) errors.Add("Setting 'Booking:BookingHorizonDays' must be between 1 and 366.");
        if (o.SuggestionCount is < 1 or > 9) errors.Add("Setting 'Booking:SuggestionCount' must be between 1 and 9.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
