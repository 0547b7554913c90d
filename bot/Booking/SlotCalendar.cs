using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Booking;

/// <summary>Cuts a studio's weekly opening pattern into duty slots, in Beijing time, skipping closures.</summary>
/// <remarks>
/// Each offer of slots looks at up to six weeks of days, and cutting a day parses the opening times and converts
/// every slot edge through the time zone — a visible share of a booking turn under load (docs/PERFORMANCE.md).
/// A day's slots are therefore kept per studio object: <see cref="IStudioStore.Active"/> (LiteDB) hands out the same
/// snapshot objects until a studio is written, and edits replace a studio's lists (<see cref="StudioApi.Apply"/>),
/// so a kept day is used only while the studio's slot settings are the same objects and values it was cut from.
/// </remarks>
public sealed class SlotCalendar(AssistantClock clock)
{
    private const int MaxDaysKept = 1024;
    private readonly ConditionalWeakTable<Studio, Cut> _cuts = new();

    /// <summary>The slots of <paramref name="studio"/> on the days <paramref name="from"/>..<paramref name="to"/> (inclusive), in order.</summary>
    public IReadOnlyList<DutySlot> Slots(Studio studio, DateOnly from, DateOnly to)
    {
        var slots = new List<DutySlot>();
        if (!studio.Active || studio.SlotMinutes < Studio.MinimumSlotMinutes) return slots;
        var cut = CutOf(studio);
        for (var day = from; day <= to; day = day.AddDays(1))
            slots.AddRange(cut.Days.GetOrAdd(day, CutDay, studio));
        if (cut.Days.Count > MaxDaysKept) cut.Days.Clear();
        return slots;
    }

    /// <summary>The slot of <paramref name="studio"/> that starts exactly at <paramref name="start"/>, or null.</summary>
    public DutySlot? SlotAt(Studio studio, DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(clock.ToLocal(start).DateTime);
        return Slots(studio, day, day).FirstOrDefault(s => s.Start == start);
    }

    /// <summary>
    /// Whether the studio is open for all of [<paramref name="start"/>, <paramref name="end"/>): active, and a slot of
    /// that day (after closures and the current opening hours) overlaps it. New hours that still cover a booked
    /// duty keep it open; a closure or hours that no longer reach it do not.
    /// </summary>
    public bool IsOpenAt(Studio studio, DateTimeOffset start, DateTimeOffset end)
    {
        var day = DayOf(start);
        return studio.Active && Slots(studio, day, day).Any(s => s.Overlaps(start, end));
    }

    /// <summary>The Beijing date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    private Cut CutOf(Studio studio)
    {
        var settings = new Settings(studio.Id, studio.SlotMinutes, studio.Openings, studio.Openings.Count, studio.Closures, studio.Closures.Count);
        if (_cuts.TryGetValue(studio, out var cut) && cut.Settings == settings) return cut;
        cut = new Cut(settings);
        _cuts.AddOrUpdate(studio, cut);
        return cut;
    }

    private DutySlot[] CutDay(DateOnly day, Studio studio)
    {
        if (studio.IsClosedOn(day)) return [];
        var slots = new List<DutySlot>();
        var length = TimeSpan.FromMinutes(studio.SlotMinutes);
        foreach (var opening in studio.Openings.Where(o => o.Day == day.DayOfWeek).OrderBy(o => o.StartTime))
        {
            var start = day.ToDateTime(opening.StartTime);
            var end = day.ToDateTime(opening.EndTime);
            // An opening shorter than a slot offers nothing; a longer one is cut into whole slots.
            for (var s = start; s + length <= end; s += length)
                slots.Add(new DutySlot(studio.Id, clock.FromWallClock(s), clock.FromWallClock(s + length)));
        }
        return [.. slots];
    }

    // What a day's slots depend on besides the date.
    private readonly record struct Settings(int StudioId, int SlotMinutes, List<WeeklyOpening> Openings, int OpeningCount, List<Closure> Closures, int ClosureCount);

    private sealed class Cut(Settings settings)
    {
        public Settings Settings { get; } = settings;
        public ConcurrentDictionary<DateOnly, DutySlot[]> Days { get; } = new();
    }
}
