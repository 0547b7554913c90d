using System.Globalization;
using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.OnCall;

/// <summary>
/// One line of a county's on-call rota: who (<see cref="Staff"/>, a sign-in name), on which days (<see cref="Days"/>:
/// ISO weekday numbers, 1 = Monday … 7 = Sunday, as ranges and lists: <c>1-5</c>, <c>6,7</c>, <c>1-7</c>) and which
/// hours (<see cref="From"/>–<see cref="To"/>, Beijing time; <c>18:00</c>–<c>09:00</c> runs over midnight into the next
/// morning; equal times mean the whole day). The rota's order is the order people are alerted in. Lines come from
/// configuration (<c>Escalation:OnCall:0:County</c>, <c>:Staff</c>, <c>:Days</c>, <c>:From</c>, <c>:To</c>) and from the
/// console (<see cref="OnCallStore"/>).
/// </summary>
public sealed class OnCallShift : IListedRecord
{
    /// <summary>The stored line's number (0 for a line from configuration, which the console cannot change).</summary>
    public int Id { get; set; }

    public string County { get; set; } = "";

    public string Staff { get; set; } = "";

    public string Days { get; set; } = "1-7";

    public string From { get; set; } = "00:00";

    public string To { get; set; } = "00:00";

    /// <summary>True for a line from configuration (<c>Escalation:OnCall</c>).</summary>
    [BsonIgnore]
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FromConfiguration { get; set; }

    /// <summary>What is wrong with the line, in Chinese for the console (null: nothing).</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(County)) return "请填写区县。";
        if (string.IsNullOrWhiteSpace(Staff)) return "请填写值班人员的账号。";
        if (WeekDays(Days) is null) return "值班日请写 1-7 之间的数字，如 1-5 或 6,7（1 是周一）。";
        if (!TryTime(From, out _) || !TryTime(To, out _)) return "时间请写成 HH:mm，如 18:00。";
        return null;
    }

    /// <summary>True when the line covers the Beijing wall-clock time <paramref name="local"/>.</summary>
    public bool Covers(DateTime local)
    {
        if (WeekDays(Days) is not { } days || !TryTime(From, out var from) || !TryTime(To, out var to)) return false;
        var day = Iso(local.DayOfWeek);
        var time = TimeOnly.FromDateTime(local);
        if (from == to) return days.Contains(day);
        if (from < to) return days.Contains(day) && time >= from && time < to;
        // Over midnight: the evening belongs to its day, the morning after to the day before.
        return (days.Contains(day) && time >= from) || (days.Contains(day == 1 ? 7 : day - 1) && time < to);
    }

    private static int Iso(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The weekdays of <paramref name="days"/> (<c>1-5</c>, <c>6,7</c>), or null when it is not that form.</summary>
    public static HashSet<int>? WeekDays(string? days)
    {
        if (string.IsNullOrWhiteSpace(days)) return null;
        var set = new HashSet<int>();
        foreach (var part in days.Replace('，', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)) return null;
            var last = first;
            if (range.Length == 2 && !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out last)) return null;
            if (first < 1 || last > 7 || first > last) return null;
            for (var d = first; d <= last; d++) set.Add(d);
        }
        return set.Count == 0 ? null : set;
    }
}
