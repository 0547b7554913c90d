using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

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
