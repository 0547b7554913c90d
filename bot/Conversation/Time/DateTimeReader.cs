using System.Globalization;
using System.Text.RegularExpressions;
using ChatAssistant.Knowledge.Retrieval;
using Microsoft.Recognizers.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Recognizers.Text.DateTime;

namespace ChatAssistant.Conversation.Time;

/// <summary>A span of time a user named: a point ("明天上午9点"), a range ("下午两点到四点") or a whole day.</summary>
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End, bool HasTimeOfDay)
{
    /// <summary>
    /// Set when the user named a part of the day without a clock time ("12月3日上午", "周六下午", "明天晚上"): the window
    /// is then that whole half of the day (<see cref="DateTimeReader"/>), and what starts in it is meant, not a span
    /// someone must cover.
    /// </summary>
    public DayPart? Part { get; init; }

    /// <summary>True when the user named a single moment rather than a range.</summary>
    public bool IsPoint => Start == End;

    /// <summary>
    /// False when the user named only a time of day ("9点", "下午两点到四点"): the day is the next one it occurs on,
    /// which a list of options on several days should not take literally.
    /// </summary>
    public bool HasDate { get; init; } = true;

    /// <summary>The words that named it, as the recognizer read them (simplified characters; a bare day with its month).</summary>
    public string Text { get; init; } = "";
}

/// <summary>A part of the day named without a clock time.</summary>
public enum DayPart
{
    /// <summary>上午, 早上, morning: 00:00–12:00.</summary>
    Morning,
    /// <summary>下午, afternoon: 12:00–18:00.</summary>
    Afternoon,
    /// <summary>晚上, 傍晚, 夜里, evening, night: 18:00–24:00.</summary>
    Evening,
}

/// <summary>
/// Reads dates and times out of Chinese or English text with Microsoft.Recognizers.Text, relative to
/// "now" in the assistant's zone. Ambiguous dates ("周三", "3点") resolve to the future, except a month and day
/// without a year that passed a short while ago (<see cref="RecentPast"/>): 「12月3日」 said on 4 December is
/// yesterday, 「1月5日」 said then is next January. A part of the day without a clock time (上午, 下午, 晚上) is that
/// whole half of the day (<see cref="DayPart"/>), not the recognizer's 08–12, 12–16 or 16–20.
/// </summary>
public sealed partial class DateTimeReader(AssistantClock clock)
{
    /// <summary>
    /// How long ago a month and day without a year (「12月3日」, 「11月28号下午」) may have ended and still mean this
    /// year's: a person who names a date that passed last week means that date (and must hear it has passed), not
    /// the same day next year; one that passed longer ago than this is next year's.
    /// </summary>
    public static readonly TimeSpan RecentPast = TimeSpan.FromDays(31);

    /// <summary>All windows found in <paramref name="text"/>, in the order they appear.</summary>
    public IReadOnlyList<TimeWindow> Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        text = ChineseScript.ToSimplified(text); // "下週三下午兩點" reads like "下周三下午两点"
        if (!MayNameATime(text)) return [];
        var now = clock.Now;
        // Wall clock in the assistant's zone, to the minute: no phrase a user types depends on the seconds, and
        // the same phrase in the same minute then has the same reading, which the cache below reuses.
        var reference = now.DateTime.AddTicks(-(now.DateTime.Ticks % TimeSpan.TicksPerMinute));
        var culture = HasCjk().IsMatch(text) ? Culture.Chinese : Culture.English;
        if (culture == Culture.Chinese) text = WithMonth(text, DateOnly.FromDateTime(reference));
        var results = Recognize(text, culture, reference);
        var windows = new List<TimeWindow>();
        foreach (var result in results)
        {
            var window = Resolve(result, now);
            if (window is not null) windows.Add(window with { Text = result.Text ?? "" });
        }
        return windows;
    }

    /// <summary>
    /// False when <paramref name="text"/> cannot name a date or time: no digit, no Latin letter (English phrases)
    /// and none of the Chinese characters every date or time phrase contains (numerals, 今明后昨前天, 周/星期/礼拜,
    /// 月日号, 点时分半刻, 早晚午夜晨, 年节末…). The recognizer costs 1–3 ms per call even on 「预约值班」 (measured in
    /// docs/PERFORMANCE.md), and most messages that start a booking name no time. Written by hand because no
    /// package offers this pre-check; a false "maybe" only costs one recognizer call.
    /// </summary>
    internal static bool MayNameATime(string text) => text.AsSpan().IndexOfAny(TimeCues) >= 0;

    private static readonly System.Buffers.SearchValues<char> TimeCues = System.Buffers.SearchValues.Create(
        "0123456789０１２３４５６７８９" +
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ" +
        "〇零一二三四五六七八九十百两廿卅" +
        "今明后昨前天周星期礼拜月日号点时分秒半刻早晚午夜晨宵夕年节末旦秋");

    // A campaign push makes many users type the same few phrases ("明天上午", "下周三下午两点到四点") within
    // minutes, and one recognition costs 1-3 ms and ~380 KB (docs/PERFORMANCE.md). The recognizer's results for
    // (text, culture, reference minute) are kept for two minutes; they are only read afterwards, never changed.
    private readonly MemoryCache _recognized = new(
        new MemoryCacheOptions { SizeLimit = 2_000 });

    private int _recognizerCalls;

    /// <summary>How many times the recognizer itself ran (the rest came from the cache).</summary>
    internal int RecognizerCalls => Volatile.Read(ref _recognizerCalls);

    private List<ModelResult> Recognize(string text, string culture, DateTime reference)
    {
        var key = (text, culture, reference.Ticks);
        if (_recognized.TryGetValue(key, out List<ModelResult>? known) && known is not null) return known;
        var results = DateTimeRecognizer.RecognizeDateTime(text, culture, DateTimeOptions.None, reference);
        Interlocked.Increment(ref _recognizerCalls);
        _recognized.Set(key, results, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2),
        });
        return results;
    }

    /// <summary>The first window in <paramref name="text"/>, or null.</summary>
    public TimeWindow? ReadFirst(string text) => Read(text).FirstOrDefault();

    private TimeWindow? Resolve(ModelResult result, DateTimeOffset now)
    {
        if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
            return null;
        var type = result.TypeName.Replace("datetimeV2.", "", StringComparison.Ordinal);
        var candidates = values.Select(v => ToWindow(type, v, now)).Where(w => w is not null).Cast<TimeWindow>().ToList();
        if (candidates.Count == 0) return null;
        // Ambiguous expressions come with a past and a future reading: take the first that has not ended.
        var upcoming = candidates.FirstOrDefault(w => !HasEnded(w, now));
        // A month and day without a year that ended a short while ago is this year's, said late (「12月3日」 on 4 December).
        if (values.Any(v => v.TryGetValue("timex", out var timex) && YearLeftOut().IsMatch(timex))
            && candidates.Where(w => HasEnded(w, now) && now - w.End <= RecentPast).OrderByDescending(w => w.End).FirstOrDefault() is { } recent
            && (upcoming is null || upcoming.Start - now > now - recent.End))
            return recent;
        if (upcoming is not null) return upcoming;
        var last = candidates[^1];
        // "周三下午两点" said on a Wednesday at three: this week's has passed, so next week's is meant — unless the
        // user pinned the week (本周三, 这个星期三, 上周三) or the day (今天); 上午 is not 上周.
        return BareWeekday().IsMatch(result.Text) && !PinnedWeek().IsMatch(result.Text)
            ? last with { Start = last.Start.AddDays(7), End = last.End.AddDays(7) }
            : last;
    }

    private static bool HasEnded(TimeWindow w, DateTimeOffset now) => w.IsPoint ? w.Start < now : w.End <= now;

    private TimeWindow? ToWindow(string type, Dictionary<string, string> v, DateTimeOffset now)
    {
        if (v.TryGetValue("timex", out var timex) && PartOf(timex) is { } part)
            return HalfDay(type, v, part, now);
        switch (type)
        {
            case "date":
                if (!TryDate(v, "value", out var day)) return null;
                var start = clock.FromWallClock(day);
                return new TimeWindow(start, clock.FromWallClock(day.AddDays(1)), false);
            case "datetime":
                return TryDateTime(v, "value", out var at) ? Point(clock.FromWallClock(at)) : null;
            case "time":
                return TryTime(v, "value", out var t) ? Point(NextOccurrence(t, now)) with { HasDate = false } : null;
            case "daterange":
                if (!TryDate(v, "start", out var ds) || !TryDate(v, "end", out var de)) return null;
                return new TimeWindow(clock.FromWallClock(ds), clock.FromWallClock(de), false);
            case "datetimerange":
                if (!TryDateTime(v, "start", out var s) || !TryDateTime(v, "end", out var e)) return null;
                return new TimeWindow(clock.FromWallClock(s), clock.FromWallClock(e), true);
            case "timerange":
                if (!TryTime(v, "start", out var ts) || !TryTime(v, "end", out var te)) return null;
                var from = NextOccurrence(ts, now);
                var to = from.Date.Add(te.ToTimeSpan());
                var toLocal = clock.FromWallClock(to <= from.DateTime ? to.AddDays(1) : to);
                // A range later today that has already ended moves to tomorrow.
                if (toLocal <= now) { from = from.AddDays(1); toLocal = toLocal.AddDays(1); }
                return new TimeWindow(from, toLocal, true) { HasDate = false };
            default:
                return null;
        }
    }

    private static TimeWindow Point(DateTimeOffset at) => new(at, at, true);

    // The recognizer's parts of the day (TIMEX3: MO 08–12, AF 12–16, EV 16–20, NI 20–24) end where people's do not:
    // a 16:00–18:00 duty is in the afternoon, an 18:30 one in the evening. 中午 (MI) and 白天 (DT) stay as read.
    private static DayPart? PartOf(string timex) => DayPartCode().Match(timex) is { Success: true } m
        ? m.Groups[1].Value switch { "MO" => DayPart.Morning, "AF" => DayPart.Afternoon, _ => DayPart.Evening }
        : null;

    private static (TimeSpan From, TimeSpan To) Bounds(DayPart part) => part switch
    {
        DayPart.Morning => (TimeSpan.Zero, TimeSpan.FromHours(12)),
        DayPart.Afternoon => (TimeSpan.FromHours(12), TimeSpan.FromHours(18)),
        _ => (TimeSpan.FromHours(18), TimeSpan.FromHours(24)),
    };

    /// <summary>
    /// 「12月3日上午」 (a datetimerange of a day) or 「下午」 alone (a timerange: today's, or tomorrow's once today's has
    /// ended) as the whole half of that day.
    /// </summary>
    private TimeWindow? HalfDay(string type, Dictionary<string, string> v, DayPart part, DateTimeOffset now)
    {
        var (from, to) = Bounds(part);
        if (type == "datetimerange")
        {
            if (!TryDateTime(v, "start", out var s)) return null;
            return new TimeWindow(clock.FromWallClock(s.Date + from), clock.FromWallClock(s.Date + to), true) { Part = part };
        }
        if (type != "timerange") return null;
        var day = now.Date;
        if (clock.FromWallClock(day + to) <= now) day = day.AddDays(1);
        return new TimeWindow(clock.FromWallClock(day + from), clock.FromWallClock(day + to), true) { Part = part, HasDate = false };
    }

    private DateTimeOffset NextOccurrence(TimeOnly time, DateTimeOffset now)
    {
        var today = clock.FromWallClock(now.Date.Add(time.ToTimeSpan()));
        return today >= now ? today : clock.FromWallClock(now.Date.AddDays(1).Add(time.ToTimeSpan()));
    }

    private static bool TryDate(Dictionary<string, string> v, string key, out DateTime value)
    {
        value = default;
        return v.TryGetValue(key, out var s) && DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool TryDateTime(Dictionary<string, string> v, string key, out DateTime value)
    {
        value = default;
        return v.TryGetValue(key, out var s) && DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool TryTime(Dictionary<string, string> v, string key, out TimeOnly value)
    {
        value = default;
        return v.TryGetValue(key, out var s) && TimeOnly.TryParseExact(s, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// The Chinese recognizer does not know a bare day of the month ("3号下午", "28日"), though people say it
    /// all the time. Name the month it must mean — this month if the day is still to come, else the next month
    /// that has the day — so the recognizer reads "12月3号下午".
    /// </summary>
    internal static string WithMonth(string text, DateOnly today) => BareDay().Replace(text, m =>
    {
        var day = ChineseDay(m.Groups["d"].Value);
        if (day is < 1 or > 31) return m.Value;
        var month = new DateOnly(today.Year, today.Month, 1);
        if (day < today.Day) month = month.AddMonths(1);
        while (day > DateTime.DaysInMonth(month.Year, month.Month)) month = month.AddMonths(1);
        return $"{month.Month}月{m.Value}";
    });

    private static int ChineseDay(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "零一二三四五六七八九";
        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return s.Length == 1 ? digits.IndexOf(s[0], StringComparison.Ordinal) : -1;
        var tens = ten == 0 ? 1 : digits.IndexOf(s[0], StringComparison.Ordinal);
        var ones = ten == s.Length - 1 ? 0 : digits.IndexOf(s[^1], StringComparison.Ordinal);
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }

    // A day number with 号/日, not after a month or another digit, and not a room, building or bus number; not the
    // 六 of 周六日 / 星期六日 (the weekend) either.
    [GeneratedRegex(@"(?<![月\d零一二三四五六七八九十周期拜])(?<d>[0-3]?\d|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[号日](?![楼室房栋座层线路车位门院号])")]
    private static partial Regex BareDay();

    // A date whose year the user left out: "XXXX-12-03", "XXXX-12-03TMO", "(XXXX-12-03T14:00,…)", "XXXX-11"; not a
    // weekday ("XXXX-WXX-3").
    [GeneratedRegex(@"XXXX-\d")]
    private static partial Regex YearLeftOut();

    // A part of the day with no clock time: "XXXX-12-03TMO", "TAF", "2026-12-04TEV".
    [GeneratedRegex(@"T(MO|AF|EV|NI)$")]
    private static partial Regex DayPartCode();

    [GeneratedRegex(@"(周|星期|礼拜)[一二三四五六日天1-7]")]
    private static partial Regex BareWeekday();

    [GeneratedRegex(@"(本|这|上|今)个?(周|星期|礼拜)|今天|今日")]
    private static partial Regex PinnedWeek();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasCjk();
}
