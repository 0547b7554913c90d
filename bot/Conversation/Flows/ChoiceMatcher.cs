using ChatAssistant.Conversation.Time;

namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// Reads an answer to a numbered list the way people give it: the number; the option's words, whole, contained
/// ("天台" for 天台县, "微信" for 「在微信里回复我」) or containing ("我在天台县"); a synonym the option lists; a
/// one-character typo of a longer label; a number or range that falls in the option's <see cref="Choice.Covers"/>
/// ("16岁", "14到18岁" for 14至17岁); a date or time (<see cref="DateTimeReader"/>) inside the option's time. The
/// first of these that fits decides; when it fits several options equally, all of them are reported.
/// </summary>
public static class ChoiceMatcher
{
    /// <summary>
    /// Matches <paramref name="input"/> against the options the user was shown, in their order; an entry is null when
    /// that option is gone since (its number still picks it). <paramref name="times"/> reads dates for timed options.
    /// </summary>
    public static ChoiceMatch Match(string? input, IReadOnlyList<Choice?> shown, DateTimeReader? times)
    {
        var text = Replies.Normalize(input);
        var timed = shown.Any(o => o?.Start is not null);
        var number = Replies.Number(text);
        var inRange = number >= 1 && number <= shown.Count;
        // "5号" under a list of times is the 5th of the month before it is option 5.
        var dayOfMonth = timed && text.EndsWith('号');
        if (inRange && !dayOfMonth) return ChoiceMatch.Pick(number!.Value - 1);

        var compact = ChoiceWords.Compact(text);
        if (compact.Length == 0) return ChoiceMatch.None;
        var core = ChoiceWords.StripFillers(compact);
        // "就第一个吧".
        if (core != compact && Replies.Number(core) is { } n && n >= 1 && n <= shown.Count) return ChoiceMatch.Pick(n - 1);

        var hits = Where(shown, o => ChoiceWords.Of(o, withValue: true).Any(w => w == compact || w == core));
        if (hits.Count > 0) return ChoiceMatch.Among(hits);
        if (timed && times is not null && times.Read(text) is { Count: > 0 } windows)
        {
            hits = ChoiceTimes.Hits(shown, windows, ChoiceTimes.BareWeekday(text));
            if (hits.Count > 0) return ChoiceMatch.Among(hits);
        }
        if (dayOfMonth && inRange) return ChoiceMatch.Pick(number!.Value - 1);
        if (shown.Any(o => o?.Covers is not null) && ChoiceWords.Numbers(core) is { Count: > 0 } numbers)
        {
            hits = ByNumbers(shown, numbers, core);
            if (hits.Count > 0) return ChoiceMatch.Among(hits);
        }
        // A number off the list ("12" of five) is no word of an option's label.
        if (number is not null) return ChoiceMatch.None;
        hits = Best(shown, o => ChoiceWords.Of(o, withValue: false).Max(w => ChoiceWords.Contains(core, w)));
        if (hits.Count > 0) return ChoiceMatch.Among(hits);
        if (core.Length >= 3)
        {
            hits = Where(shown, o => ChoiceWords.Of(o, withValue: false).Any(w => w.Length >= 3 && ChoiceWords.WithinOneEdit(core, w)));
            if (hits.Count > 0) return ChoiceMatch.Among(hits);
        }
        return ChoiceMatch.None;
    }

    private static readonly string[] Below = ["以下", "不到", "未满", "不满", "小于", "低于"];
    private static readonly string[] Above = ["以上", "超过", "大于", "多于"];

    // One number: the options holding it; "18岁以下" or "30岁以上": every option reaching below or above it (several
    // options are shown, not guessed between). Two (a range, "14到18岁"): the options sharing the most with it.
    private static List<int> ByNumbers(IReadOnlyList<Choice?> shown, IReadOnlyList<int> numbers, string text)
    {
        if (numbers.Count == 1)
        {
            var n = numbers[0];
            if (Below.Any(w => text.Contains(w, StringComparison.Ordinal))) return Where(shown, o => o.Covers is { } c && c.Min < n);
            if (Above.Any(w => text.Contains(w, StringComparison.Ordinal))) return Where(shown, o => o.Covers is { } c && c.Max > n);
            return Where(shown, o => o.Covers is { } c && c.Contains(n));
        }
        var (from, to) = (Math.Min(numbers[0], numbers[1]), Math.Max(numbers[0], numbers[1]));
        return Best(shown, o => o.Covers is { } c ? c.Overlap(from, to) : 0);
    }

    private static List<int> Where(IReadOnlyList<Choice?> shown, Func<Choice, bool> fits)
    {
        var hits = new List<int>();
        for (var i = 0; i < shown.Count; i++)
            if (shown[i] is { } option && fits(option)) hits.Add(i);
        return hits;
    }

    // The options with the highest positive score.
    private static List<int> Best(IReadOnlyList<Choice?> shown, Func<Choice, int> score)
    {
        var best = 0;
        var hits = new List<int>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (shown[i] is not { } option) continue;
            var s = score(option);
            if (s <= 0 || s < best) continue;
            if (s > best) hits.Clear();
            best = s;
            hits.Add(i);
        }
        return hits;
    }
}
