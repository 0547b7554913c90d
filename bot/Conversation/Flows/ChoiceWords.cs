using System.Text;
using System.Text.RegularExpressions;

namespace ChatAssistant.Conversation.Flows;

/// <summary>The word-level pieces of <see cref="ChoiceMatcher"/>: compact forms, fillers, containment, typos, numbers.</summary>
internal static partial class ChoiceWords
{
    // Said around an option without changing it: "我选天台" "微信吧" "12月5日那个" "就第一个吧".
    private static readonly string[] Leading = ["我想要", "我选择", "我要选", "我选", "我要", "我想", "选择", "那就", "就选", "就要", "还是", "那个", "这个", "选", "就", "要", "那", "是"];

    private static readonly string[] Trailing = ["那一个", "这一个", "那一项", "这一项", "那个", "这个", "那项", "这项", "那条", "这条", "的吧", "就行", "就好", "好了", "可以", "吧", "啊", "呀", "的", "哈", "啦", "呢", "哦"];

    private const string Negations = "不别没非无";

    /// <summary>Lower case, no spaces, punctuation or symbols ("12月5日 (周六)" → "12月5日周六").</summary>
    public static string Compact(string text)
    {
        var chars = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) chars.Append(char.ToLowerInvariant(c));
        return chars.ToString();
    }

    /// <summary>The option's words in compact form: its label, its value when asked for, its synonyms.</summary>
    public static IEnumerable<string> Of(Choice option, bool withValue)
    {
        yield return Compact(Replies.Normalize(option.Label));
        if (withValue) yield return Compact(option.Value);
        foreach (var synonym in option.Synonyms) yield return Compact(Replies.Normalize(synonym));
    }

    /// <summary>Drops the fillers around an answer; never down to nothing.</summary>
    public static string StripFillers(string text)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var f in Leading)
                if (text.Length > f.Length && text.StartsWith(f, StringComparison.Ordinal)) { text = text[f.Length..]; changed = true; break; }
            foreach (var f in Trailing)
                if (text.Length > f.Length && text.EndsWith(f, StringComparison.Ordinal)) { text = text[..^f.Length]; changed = true; break; }
        }
        return text;
    }

    /// <summary>
    /// How well <paramref name="answer"/> and an option's <paramref name="word"/> overlap: the length of the shorter
    /// when one contains the other (2 characters at least), 0 otherwise, and 0 when the word is negated in the
    /// answer ("不要微信").
    /// </summary>
    public static int Contains(string answer, string word)
    {
        if (word.Length < 2 || answer.Length < 2) return 0;
        if (word.Contains(answer, StringComparison.Ordinal)) return answer.Length;
        var at = answer.IndexOf(word, StringComparison.Ordinal);
        if (at < 0) return 0;
        var before = answer[Math.Max(0, at - 2)..at];
        return before.AsSpan().IndexOfAny(Negations) >= 0 ? 0 : word.Length;
    }

    /// <summary>True when one insertion, deletion or substitution turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length > b.Length) (a, b) = (b, a);
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        if (i == a.Length) return true; // equal, or b has one more at the end
        var tailA = a.Length == b.Length ? a[(i + 1)..] : a[i..];
        return tailA == b[(i + 1)..];
    }

    /// <summary>The whole numbers written in <paramref name="text"/>, digits or Chinese ("十六岁" → 16).</summary>
    public static IReadOnlyList<int> Numbers(string text)
    {
        var numbers = new List<int>();
        foreach (Match m in NumberPattern().Matches(text))
            if (Read(m.Value) is { } n) numbers.Add(n);
        return numbers;
    }

    private static int? Read(string s)
    {
        if (int.TryParse(s.Normalize(NormalizationForm.FormKC), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0) return s.Length == 1 ? Digit(s[0]) : null;
        var tens = ten == 0 ? 1 : ten == 1 ? Digit(s[0]) : null;
        var ones = ten == s.Length - 1 ? 0 : ten == s.Length - 2 ? Digit(s[^1]) : null;
        return tens is null || ones is null ? null : tens * 10 + ones;
    }

    private static int? Digit(char c) => "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) is >= 0 and var d ? d : c == '两' ? 2 : null;

    // Digits; Chinese numerals only with 十 ("十六") or before 岁 ("九岁"), so 高一 or 初二 are not ages.
    [GeneratedRegex(@"[0-9０-９]{1,3}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九](?=岁)")]
    private static partial Regex NumberPattern();
}
