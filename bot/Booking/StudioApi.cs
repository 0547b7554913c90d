using System.Globalization;

namespace ChatAssistant.Booking;

/// <summary>A weekly opening as the staff API shows it: {"day":"Tue","start":"14:00","end":"16:00"}.</summary>
public sealed record OpeningDto(string? Day, string? Start, string? End);

/// <summary>A closure as the staff API shows it: {"from":"2026-12-31","to":"2027-01-02","reason":"元旦"}.</summary>
public sealed record ClosureDto(string? From, string? To, string? Reason);

/// <summary>Body of POST/PUT /api/staff/booking/studios.</summary>
public sealed record StudioRequest(
    string? Name,
    string? County,
    string? Address,
    IReadOnlyList<OpeningDto>? Openings,
    int? SlotMinutes,
    int? PlacesPerSlot,
    IReadOnlyList<ClosureDto>? Closures,
    bool? Active);

/// <summary>A studio as the staff API returns it.</summary>
/// <summary>A studio after a change (the same fields as <see cref="StudioView"/>), with the bookings still to come that fall outside its new openings.</summary>
public sealed record StudioUpdatedView : StudioView
{
    public StudioUpdatedView(StudioView studio, IReadOnlyList<BookingOutsideView> outside) : base(studio) => BookingsOutsideOpenings = outside;

    public IReadOnlyList<BookingOutsideView> BookingsOutsideOpenings { get; }
}

/// <summary>A booking the studio is no longer open for (times in Beijing time).</summary>
public sealed record BookingOutsideView(int Id, string MemberId, DateTimeOffset Start, DateTimeOffset End);

public record StudioView(
    int Id,
    string Name,
    string County,
    string Address,
    IReadOnlyList<OpeningDto> Openings,
    int SlotMinutes,
    int PlacesPerSlot,
    IReadOnlyList<ClosureDto> Closures,
    bool Active);

/// <summary>Maps the staff API's studio shapes to and from <see cref="Studio"/>.</summary>
public static class StudioMapping
{
    private static readonly string[] Short = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static StudioView ToView(Studio s) => new(
        s.Id, s.Name, s.County, s.Address,
        s.Openings.Select(o => new OpeningDto(Short[(int)o.Day], o.Start, o.End)).ToList(),
        s.SlotMinutes, s.PlacesPerSlot,
        s.Closures.Select(c => new ClosureDto(c.From, c.To, c.Reason)).ToList(),
        s.Active);

    /// <summary>Applies a request to a new or existing studio; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static Studio Apply(StudioRequest r, Studio? existing, string? defaultCounty)
    {
        var s = existing ?? new Studio();
        s.Name = (r.Name ?? s.Name).Trim();
        s.County = (r.County ?? (existing is null ? defaultCounty : s.County) ?? "").Trim();
        s.Address = (r.Address ?? s.Address).Trim();
        if (r.SlotMinutes is { } minutes) s.SlotMinutes = minutes;
        if (r.PlacesPerSlot is { } places) s.PlacesPerSlot = places;
        if (r.Active is { } active) s.Active = active;
        if (r.Openings is not null)
            s.Openings = r.Openings.Select(o => new WeeklyOpening { Day = ParseDay(o.Day), Start = (o.Start ?? "").Trim(), End = (o.End ?? "").Trim() }).ToList();
        if (r.Closures is not null)
            s.Closures = r.Closures.Select(c => new Closure { From = (c.From ?? "").Trim(), To = (c.To ?? c.From ?? "").Trim(), Reason = c.Reason }).ToList();
        StudioRules.Validate(s);
        return s;
    }

    /// <summary>Reads "Tue", "Tuesday", "周二", "星期二" or ISO "2" (Monday = 1).</summary>
    public static DayOfWeek ParseDay(string? day)
    {
        var d = (day ?? "").Trim();
        for (var i = 0; i < 7; i++)
        {
            var dow = (DayOfWeek)i;
            if (d.Equals(Short[i], StringComparison.OrdinalIgnoreCase) || d.Equals(dow.ToString(), StringComparison.OrdinalIgnoreCase)) return dow;
        }
        var chinese = d.Replace("星期", "周", StringComparison.Ordinal).Replace("礼拜", "周", StringComparison.Ordinal);
        var index = Array.IndexOf(["周日", "周一", "周二", "周三", "周四", "周五", "周六"], chinese == "周天" ? "周日" : chinese);
        if (index >= 0) return (DayOfWeek)index;
        if (int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7) return (DayOfWeek)(iso % 7);
        throw new ArgumentException($"无法识别星期「{day}」，请用 Mon…Sun 或 周一…周日。");
    }
}
