namespace ChatAssistant.Booking;

/// <summary>A delegates' studio (团代表工作室): where it is, when it opens, how many delegates sit per slot.</summary>
public sealed class Studio
{
    /// <summary>The article's rule: every duty lasts at least two hours (每次不少于2小时).</summary>
    public const int MinimumSlotMinutes = 120;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>区县; staff of a district see and manage only the studios of their county.</summary>
    public string County { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>The weekly opening pattern, e.g. Tue and Thu 14:00–16:00, Sat 09:00–11:00.</summary>
    public List<WeeklyOpening> Openings { get; set; } = [];

    /// <summary>Length of one duty slot; each opening is cut into slots of this length.</summary>
    public int SlotMinutes { get; set; } = MinimumSlotMinutes;

    /// <summary>Delegates who can sit in one slot.</summary>
    public int PlacesPerSlot { get; set; } = 1;

    /// <summary>Days the studio is closed (holidays, works).</summary>
    public List<Closure> Closures { get; set; } = [];

    /// <summary>Inactive studios offer no slots; existing bookings stay.</summary>
    public bool Active { get; set; } = true;

    /// <summary>True when <paramref name="day"/> falls in a closure.</summary>
    public bool IsClosedOn(DateOnly day) => Closures.Any(c => c.Covers(day));
}

/// <summary>One weekly opening: a weekday and a wall-clock window in Beijing time ("14:00"–"16:00").</summary>
public sealed class WeeklyOpening
{
    public DayOfWeek Day { get; set; }

    public string Start { get; set; } = "";

    public string End { get; set; } = "";

    public TimeOnly StartTime => TimeOnly.ParseExact(Start, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public TimeOnly EndTime => TimeOnly.ParseExact(End, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Days (inclusive, "yyyy-MM-dd") the studio is closed.</summary>
public sealed class Closure
{
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string? Reason { get; set; }

    public DateOnly FromDate => DateOnly.ParseExact(From, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public DateOnly ToDate => DateOnly.ParseExact(To, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public bool Covers(DateOnly day) => day >= FromDate && day <= ToDate;
}
