using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Conversation.Routing;

/// <summary>A matched intent and how strongly it matched.</summary>
public sealed record IntentMatch(Intent Intent, int Score);

/// <summary>
/// Maps a message to an intent: menu numbers, menu keys, keywords and patterns. Anything it does not
/// recognise goes to the volunteer guide (the fallback).
/// </summary>
public sealed class IntentRouter
{
    private readonly IReadOnlyList<Intent> _intents;

    // Each intent's keywords, compacted once here rather than for every message (they never change).
    private readonly IReadOnlyList<string[]> _compactKeywords;

    public IntentRouter(IEnumerable<Intent> intents)
    {
        _intents = intents.ToList();
        var duplicate = _intents.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Intent '{duplicate.Key}' is registered twice.");
        _compactKeywords = _intents.Select(i => i.Keywords.Select(Compact).Where(k => k.Length > 0).ToArray()).ToList();
        Menu = _intents.Where(i => i.MenuTitle is not null).OrderBy(i => i.MenuOrder).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }

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
    public IntentMatch? Match(string text)
    {
        text = ChineseScript.ToSimplified(text); // "預約值班" is "预约值班"
        var compact = CompactSimplified(text);
        if (compact.Length == 0) return null;
        var asksHow = AsksHow(text);
        IntentMatch? best = null;
        for (var i = 0; i < _intents.Count; i++)
        {
            var score = Score(_intents[i], _compactKeywords[i], text, compact, asksHow);
            if (score > 0 && (best is null || score > best.Score)) best = new IntentMatch(_intents[i], score);
        }
        return best;
    }

    // A keyword inside a question about how things work ("志愿时长怎么记录", "求助会保密吗", "老娘舅是什么") is a
    // question for the guide, not a request to start the feature. A request phrased as a question ("可以取消值班吗",
    // "能查一下值班记录吗", "老娘舅能帮忙吗") or about the user's own ("我的值班是什么时候", "积分余额是多少") still
    // starts it, unless it asks how or why ("我的时长怎么没有到账").
    private static readonly string[] HowWords = ["怎么", "怎样", "如何", "为什么", "为啥", "咋"];

    private static readonly string[] QuestionWords =
        ["什么", "是否", "多久", "哪里", "哪儿", "哪些", "吗", "是不是", "有没有", "会不会", "?", "？"];

    private static readonly string[] RequestWords =
        ["我的", "我要", "我想", "帮我", "请帮", "能帮", "帮忙", "可以", "能不能", "能否", "可不可以", "查一下", "查查", "查询", "多少", "几个", "几次", "几小时"];

    internal static bool AsksHow(string text) =>
        Any(text, HowWords) || (Any(text, QuestionWords) && !Any(text, RequestWords));

    // Words that make a message a question even when it asks for the user's own: "我还要值几次班", "要多久".
    private static readonly string[] AskingWords = ["几", "多少", "多久", "哪", "谁", "呢", "么", "吗", "?", "？"];

    /// <summary>
    /// True when <paramref name="text"/> asks something ("你们会保密吗", "要多久", "为什么要手机号") rather than answering:
    /// inside a flow, such a message that is no answer to the step is answered in place and the flow goes on.
    /// </summary>
    public static bool IsQuestion(string text)
    {
        text = ChineseScript.ToSimplified(text);
        return Any(text, HowWords) || Any(text, QuestionWords) || Any(text, AskingWords);
    }

    private static bool Any(string text, string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static int Score(Intent intent, string[] keywords, string text, string compact, bool asksHow)
    {
        var score = 0;
        foreach (var k in keywords)
        {
            if (compact == k) return 1000; // the whole message is the keyword
            if (!asksHow && compact.Contains(k, StringComparison.Ordinal)) score = Math.Max(score, 10 * k.Length);
        }
        foreach (var pattern in intent.Patterns)
            if (pattern.IsMatch(text)) score = Math.Max(score, 60);
        return score;
    }

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
