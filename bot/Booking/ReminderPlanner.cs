using ChatAssistant.Conversation.Time;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking;

/// <summary>Decides when a booking's reminder is due (the day before, at Booking:ReminderTime Beijing time) and stores it.</summary>
public sealed class ReminderPlanner(IReminderStore store, AssistantClock clock, IOptions<BookingOptions> options)
{
    /// <summary>The due time of the reminder for a duty starting at <paramref name="start"/>.</summary>
    public DateTimeOffset DueFor(DateTimeOffset start)
    {
        var dayBefore = DateOnly.FromDateTime(clock.ToLocal(start).DateTime).AddDays(-1);
        return clock.FromWallClock(dayBefore.ToDateTime(options.Value.ReminderTimeOfDay));
    }

    /// <summary>
    /// Schedules the reminder of a new booking. A booking made after its reminder time (e.g. at 21:00 for
    /// tomorrow morning) gets none: the delegate has just booked and knows.
    /// </summary>
    public bool Schedule(DutyBooking booking)
    {
        var due = DueFor(booking.Start);
        return due > clock.Now && store.Schedule(booking.Id, due);
    }

    public void Cancel(int bookingId) => store.Cancel(bookingId, clock.Now);
}
