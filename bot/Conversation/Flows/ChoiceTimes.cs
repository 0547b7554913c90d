using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Conversation.Flows;

/// <summary>Whether a date or time the user typed falls inside a timed option (<see cref="Choice.Start"/>).</summary>
internal static partial class ChoiceTimes
{
    /// <summary>
    /// The options (0-based) a window fits. A bare weekday ("周六上午") names the nearest such day; when the list has
    /// nothing then, the same day of a later week on the list is meant.
    /// </summary>
    public static List<int> Hits(IReadOnlyList<Choice?> shown, IReadOnlyList<TimeWindow> windows, bool bareWeekday)
    {
        var hits = new List<int>();
        for (var week = 0; week <= (bareWeekday ? 5 : 0) && hits.Count == 0; week++)
        {
            var shift = TimeSpan.FromDays(7 * week);
            for (var i = 0; i < shown.Count; i++)
                if (shown[i] is { Start: { } start } option && windows.Any(w => Fits(w with { Start = w.Start + shift, End = w.End + shift }, start, option.End ?? start)))
                    hits.Add(i);
        }
        return hits;
    }

    /// <summary>"周六", "星期六上午" — a weekday without 下/本/这/上 in front.</summary>
    public static bool BareWeekday(string text) => Weekday().IsMatch(text);

    /// <summary>
    /// A day ("12月5日") fits the options on that day; a moment ("12月5日9点") the option running then; a range the
    /// options it overlaps; a part of the day ("周六上午", "12月2日下午") the options starting in it. A time of day
    /// without a date ("下午3点", "下午") fits the options at that time on any day.
    /// </summary>
    public static bool Fits(TimeWindow w, DateTimeOffset start, DateTimeOffset end)
    {
        if (w.Part is not null && !w.HasDate)
        {
            var at = start.ToOffset(w.Start.Offset).TimeOfDay;
            var until = w.End.Date > w.Start.Date ? TimeSpan.FromDays(1) : w.End.TimeOfDay;
            return at >= w.Start.TimeOfDay && at < until;
        }
        if (w.Part is not null) return start >= w.Start && start < w.End;
        if (!w.HasDate) return FitsTimeOfDay(w, start.ToOffset(w.Start.Offset), end.ToOffset(w.Start.Offset));
        if (w.IsPoint) return w.Start == start || (w.Start > start && w.Start < end);
        return (start < w.End && w.Start < end) || (start >= w.Start && start < w.End);
    }

    private static bool FitsTimeOfDay(TimeWindow w, DateTimeOffset start, DateTimeOffset end)
    {
        var from = start.TimeOfDay;
        var to = end.Date > start.Date ? TimeSpan.FromDays(1) : end.TimeOfDay;
        var at = w.Start.TimeOfDay;
        if (w.IsPoint) return at == from || (at > from && at < to);
        var until = w.End.Date > w.Start.Date ? TimeSpan.FromDays(1) : w.End.TimeOfDay;
        return (from < until && at < to) || (from >= at && from < until);
    }

    [GeneratedRegex(@"(?<![下本这上今个])(周|星期|礼拜)[一二三四五六日天1-7]")]
    private static partial Regex Weekday();
}
