using System.Text.RegularExpressions;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Conversation.Routing;

/// <summary>A matched intent, how strongly it matched and why.</summary>
public sealed record IntentMatch(Intent Intent, int Score)
{
    /// <summary>The score of a message that is one of the intent's keywords, whole.</summary>
    public const int WholeMessage = 1000;

    /// <summary>The score of a pattern match; a keyword contained in the message scores 10 per character.</summary>
    public const int PatternScore = 60;

    // A short message with a keyword of four characters or more, or a pattern, is a request by itself.
    private const int ShortMessage = 15;
    private const int StrongKeyword = 40;

    /// <summary>The length of the message matched (trimmed), which <see cref="IsStrong"/> weighs.</summary>
    public int MessageLength { get; init; }

    /// <summary>What matched, for the route's explanation (「keyword 我要兑换」, 「whole message」, 「pattern」).</summary>
    public string Reason { get; init; } = "";

    /// <summary>
    /// Strong enough to be another request even while a flow waits for an answer, before the flow reads it: the whole
    /// message is a keyword, or a short message (at most 15 characters) holds a keyword of four characters or a pattern.
    /// </summary>
    public bool IsStrong => Score >= WholeMessage || (MessageLength <= ShortMessage && Score >= StrongKeyword);
}

/// <summary>
/// Maps a message to an intent: menu numbers, menu keys, keywords and patterns. Anything it does not
/// recognise goes to the volunteer guide (the fallback).
/// </summary>
public sealed class IntentRouter
{
    private readonly IReadOnlyList<Intent> _intents;

    // Each intent's keywords, compacted once here rather than for every message (they never change).
    private readonly IReadOnlyList<(string Compact, string Said)[]> _compactKeywords;

    // Each intent's patterns, compiled: every new message is tried against all of them, and the interpreted forms of
    // patterns such as 「^(?!.*(怎么|…)).*我…」 cost most of the route (RoutingBenchmark, docs/PERFORMANCE.md step 38).
    private readonly IReadOnlyList<Regex[]> _patterns;

    public IntentRouter(IEnumerable<Intent> intents)
    {
        _intents = intents.ToList();
        var duplicate = _intents.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Intent '{duplicate.Key}' is registered twice.");
        _compactKeywords = _intents.Select(i => i.Keywords.Select(k => (Compact: Compact(k), Said: k)).Where(k => k.Compact.Length > 0).ToArray()).ToList();
        _patterns = _intents.Select(i => i.Patterns.Select(Compiled).ToArray()).ToList();
        Menu = _intents.Where(i => i.MenuTitle is not null).OrderBy(i => i.MenuOrder).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every registered intent, in registration order.</summary>
    public IReadOnlyList<Intent> Intents => _intents;

    /// <summary>The intents shown in the numbered menu, in order.</summary>
    public IReadOnlyList<Intent> Menu { get; }

    /// <summary>The intent a menu number selects (1-based), or null.</summary>
    public Intent? ByMenuNumber(int number) => number >= 1 && number <= Menu.Count ? Menu[number - 1] : null;

    /// <summary>The intent registered as <paramref name="id"/>, or null.</summary>
    public Intent? ById(string id) => _intents.FirstOrDefault(i => i.Id == id);

    /// <summary>The intent a WeChat menu key selects, or null.</summary>
    public Intent? ByMenuKey(string key) =>
        _intents.FirstOrDefault(i => i.MenuKeys.Contains(key, StringComparer.OrdinalIgnoreCase));

    /// <summary>The best keyword or pattern match for <paramref name="text"/>, or null.</summary>
    public IntentMatch? Match(string text) => Read(text).Match;

    /// <summary>
    /// Both readings of <paramref name="text"/> in one pass over the intents: the match (keywords inside a question
    /// left out) and, when a question word held a keyword back, the intent it held back and that word.
    /// </summary>
    public IntentReading Read(string text)
    {
        var length = text.Trim().Length;
        text = ChineseScript.ToSimplified(text); // "預約值班" is "预约值班"
        var compact = CompactSimplified(text);
        if (compact.Length == 0) return IntentReading.Nothing;
        var cue = QuestionCue(text);
        IntentMatch? best = null, held = null;
        for (var i = 0; i < _intents.Count; i++)
        {
            var (honoured, unheld) = Score(_compactKeywords[i], _patterns[i], text, compact, asksHow: cue is not null);
            if (honoured.Score > 0 && (best is null || honoured.Score > best.Score))
                best = new IntentMatch(_intents[i], honoured.Score) { MessageLength = length, Reason = honoured.Reason };
            if (unheld.Score > 0 && (held is null || unheld.Score > held.Score))
                held = new IntentMatch(_intents[i], unheld.Score) { MessageLength = length, Reason = unheld.Reason };
        }
        return new IntentReading(best, best is null && held is not null ? (cue ?? "?", held.Intent) : null);
    }

    // A keyword inside a question about how things work ("志愿时长怎么记录", "求助会保密吗", "老娘舅是什么") is a
    // question for the guide, not a request to start the feature; so is a question about what the feature offers
    // ("积分兑换可以换什么", "爱心超市兑换要多少积分"). A request phrased as a question ("可以取消值班吗", "能查一下值班记录吗",
    // "老娘舅能帮忙吗") or about the user's own ("我的值班是什么时候", "积分余额是多少") still starts it, unless it asks how
    // or why ("我的时长怎么没有到账").
    private static readonly string[] HowWords = ["怎么", "怎样", "如何", "为什么", "为啥", "咋"];

    // What the feature offers or costs: a question, unless it is about the user's own (我的值班是什么时候).
    private static readonly string[] WhatWords = ["什么", "哪些", "哪里", "哪儿", "多久", "要多少", "需要多少", "得多少", "几分"];

    private static readonly string[] OwnWords = ["我的", "我要", "我想", "帮我", "请帮", "给我", "查一下", "查查", "查询"];

    private static readonly string[] QuestionWords = ["是否", "吗", "是不是", "有没有", "会不会", "?", "？"];

    private static readonly string[] RequestWords =
        [.. OwnWords, "能帮", "帮忙", "可以", "能不能", "能否", "可不可以", "多少", "几个", "几次", "几小时"];

    internal static bool AsksHow(string text) => QuestionCue(text) is not null;

    /// <summary>The word that makes <paramref name="text"/> (simplified) a question for the guide rather than a request, or null.</summary>
    internal static string? QuestionCue(string text) =>
        First(text, HowWords)
        ?? (First(text, OwnWords) is null ? First(text, WhatWords) : null)
        ?? (First(text, RequestWords) is null ? First(text, QuestionWords) : null);

    // Words that make a message a question even when it asks for the user's own: "我还要值几次班", "要多久".
    private static readonly string[] AskingWords = ["几", "多少", "多久", "哪", "谁", "呢", "么", "吗", "?", "？"];

    /// <summary>
    /// True when <paramref name="text"/> asks something ("你们会保密吗", "要多久", "为什么要手机号") rather than answering:
    /// inside a flow, such a message that is no answer to the step is answered in place and the flow goes on.
    /// </summary>
    public static bool IsQuestion(string text)
    {
        text = ChineseScript.ToSimplified(text);
        return Any(text, HowWords) || Any(text, WhatWords) || Any(text, QuestionWords) || Any(text, AskingWords);
    }

    private static string? First(string text, string[] words) => words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));

    private static bool Any(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    // The intent's score for the message with a question's contained keywords left out (honoured) and counted
    // (unheld): its whole text as a keyword scores most, then a contained keyword 10 per character, then a pattern.
    private static ((int Score, string Reason) Honoured, (int Score, string Reason) Unheld) Score(
        (string Compact, string Said)[] keywords, Regex[] patterns, string text, string compact, bool asksHow)
    {
        var keyword = (Score: 0, Reason: "");
        foreach (var (compactKeyword, said) in keywords)
        {
            if (compact == compactKeyword)
            {
                var whole = (IntentMatch.WholeMessage, $"the whole message is its keyword 「{said}」");
                return (whole, whole);
            }
            if (compact.Contains(compactKeyword, StringComparison.Ordinal) && 10 * compactKeyword.Length > keyword.Score)
                keyword = (10 * compactKeyword.Length, $"keyword 「{said}」");
        }
        // A pattern counts where it beats the keywords that count; tried at most once, and only when it can.
        (int, string)? pattern = null;
        if (asksHow || keyword.Score < IntentMatch.PatternScore)
            foreach (var p in patterns)
                if (p.IsMatch(text))
                {
                    pattern = (IntentMatch.PatternScore, "pattern " + p);
                    break;
                }
        var unheld = keyword.Score < IntentMatch.PatternScore && pattern is { } matched ? matched : keyword;
        var honoured = asksHow ? pattern ?? (0, "") : unheld;
        return (honoured, unheld);
    }

    private static Regex Compiled(Regex pattern) =>
        (pattern.Options & RegexOptions.Compiled) != 0 ? pattern : new Regex(pattern.ToString(), pattern.Options | RegexOptions.Compiled, pattern.MatchTimeout);

    // Lower-case, simplified characters, no spaces or punctuation: "我的 時長？" and "我的时长" match alike (the
    // crisis words are matched this way too, so 自殺 is caught like 自杀).
    internal static string Compact(string text) => CompactSimplified(ChineseScript.ToSimplified(text));

    private static string CompactSimplified(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) chars.Append(char.ToLowerInvariant(c));
        return chars.ToString();
    }
}
