using System.Text.RegularExpressions;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Conversation.Flows;

/// <summary>Reads the short answers people type: yes/no, a number from a list.</summary>
public static partial class Replies
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase)
    {
        "是", "是的", "对", "对的", "好", "好的", "确认", "确定", "可以", "行", "嗯", "嗯嗯", "没问题", "同意", "要", "y", "yes", "ok", "okay", "sure", "confirm",
    };

    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase)
    {
        "否", "不", "不是", "不对", "不要", "不用", "算了", "不行", "不同意", "不要了", "不用了", "算了吧", "no", "n", "nope",
    };

    /// <summary>Trims spaces and trailing punctuation and reads traditional characters as simplified ("好的！" → "好的", "確認" → "确认").</summary>
    public static string Normalize(string? text) =>
        ChineseScript.ToSimplified(Punctuation().Replace((text ?? "").Trim(), "").Trim());

    /// <summary>"是", "好的呀", "确认取消", "嗯，可以的".</summary>
    public static bool IsYes(string? text) => Yes.Contains(Normalize(text)) || Bare(text) is var s && (Yes.Contains(s) || YesWithVerb().IsMatch(s));

    /// <summary>"否", "不要了吧", "还是算了", "不约了", "先不用了，谢谢", "不取消了".</summary>
    public static bool IsNo(string? text) => No.Contains(Normalize(text)) || Bare(text) is var s && (No.Contains(s) || NoWithVerb().IsMatch(s));

    // The answer without what people wrap a yes or no in: "那", "还是", "嗯", particles, "谢谢", inner punctuation.
    private static string Bare(string? text)
    {
        var s = Wrapping().Replace(Normalize(text).Replace(" ", "", StringComparison.Ordinal), "");
        for (var changed = true; changed && s.Length > 1;)
        {
            changed = false;
            foreach (var lead in Leads)
                if (s.Length > lead.Length && s.StartsWith(lead, StringComparison.Ordinal)) { s = s[lead.Length..]; changed = true; break; }
            if (s.Length > 1 && "吧啊呀呢哦嘛哈啦".Contains(s[^1], StringComparison.Ordinal)) { s = s[..^1]; changed = true; }
            else if (s.Length > 2 && s.EndsWith("谢谢", StringComparison.Ordinal)) { s = s[..^2]; changed = true; }
        }
        return s;
    }

    private static readonly string[] Leads = ["算了", "那就", "还是", "我还是", "暂时", "先", "那", "嗯", "额", "呃", "哦", "我"];

    private static readonly HashSet<string> Thanks = new(StringComparer.OrdinalIgnoreCase)
    {
        "知道了", "明白了", "明白", "懂了", "收到", "了解", "谢谢", "谢谢你", "多谢", "好吧", "哦", "噢", "thanks", "thank you", "got it",
    };

    /// <summary>"好", "嗯", "知道了", "谢谢": the user has what they need, not an answer to a list.</summary>
    public static bool IsAcknowledgement(string? text) => IsYes(text) || Thanks.Contains(Normalize(text));

    /// <summary>Reads "2", "２", "二", "第2个", "选2" as 2; null otherwise.</summary>
    public static int? Number(string? text)
    {
        var s = Normalize(text);
        var m = Choice().Match(s);
        if (!m.Success) return null;
        var n = m.Groups["n"].Value;
        // Full-width digits (２) become ASCII first; parsed without the turn's culture.
        if (int.TryParse(n.Normalize(System.Text.NormalizationForm.FormKC), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        var index = "一二三四五六七八九十".IndexOf(n, StringComparison.Ordinal);
        return index >= 0 ? index + 1 : null;
    }

    [GeneratedRegex(@"^(?:第|选|选择)?(?<n>[0-9０-９]{1,3}|[一二三四五六七八九十])(?:个|项|号|条)?$")]
    private static partial Regex Choice();

    [GeneratedRegex(@"[\s。，,.!！?？~～、；;：:]+$")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"[\s。，,.!！?？~～、；;：:]+")]
    private static partial Regex Wrapping();

    // 不 + (想|用|需要|要)? + up to three characters + 了: "不约了", "不用了", "不想取消了", "不了"; not 不错了 or 没问题了.
    [GeneratedRegex(@"^(不|别|没)(?!错|问题|关系)(想|用|需要|必要|要)?[\p{IsCJKUnifiedIdeographs}]{0,3}了$|^算了$|^不用$|^不需要$|^不想要?$")]
    private static partial Regex NoWithVerb();

    // 确认/确定/是/对/好/要 + the action: "确认取消", "确定预约", "好的提交".
    [GeneratedRegex(@"^(确认|确定|是|是的|对|对的|好|好的|要|可以)(取消|预约|提交|撤回|兑换|报名|绑定)?的?$")]
    private static partial Regex YesWithVerb();
}
