using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Booking;

/// <summary>Cuts a studio's weekly opening pattern into duty slots, in Beijing time, skipping closures.</summary>
public sealed class SlotCalendar(AssistantClock clock)
{
    /// <summary>The slots of <paramref name="studio"/> on the days <paramref name="from"/>..<paramref name="to"/> (inclusive), in order.</summary>
    public IReadOnlyList<DutySlot> Slots(Studio studio, DateOnly from, DateOnly to)
    {
        var slots = new List<DutySlot>();
        if (!studio.Active || studio.SlotMinutes < Studio.MinimumSlotMinutes) return slots;
        var length = TimeSpan.FromMinutes(studio.SlotMinutes);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (studio.IsClosedOn(day)) continue;
            foreach (var opening in studio.Openings.Where(o => o.Day == day.DayOfWeek).OrderBy(o => o.StartTime))
            {
                var start = day.ToDateTime(opening.StartTime);
                var end = day.ToDateTime(opening.EndTime);
                // An opening shorter than a slot offers nothing; a longer one is cut into whole slots.
                for (var s = start; s + length <= end; s += length)
                    slots.Add(new DutySlot(studio.Id, clock.FromWallClock(s), clock.FromWallClock(s + length)));
            }
        }
        return slots;
    }

    /// <summary>The slot of <paramref name="studio"/> that starts exactly at <paramref name="start"/>, or null.</summary>
    public DutySlot? SlotAt(Studio studio, DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(clock.ToLocal(start).DateTime);
        return Slots(studio, day, day).FirstOrDefault(s => s.Start == start);
    }

    /// <summary>The Beijing date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);
}
