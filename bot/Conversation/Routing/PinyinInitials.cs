using System.Text.RegularExpressions;

namespace ChatAssistant.Conversation.Routing;

/// <summary>
/// The pinyin initials young users type for this assistant's own words (「wd sc」 is 我的时长, 「dh 100积分的」 兑换, 「rg」
/// 人工), read as the words before routing. Only a run of Latin letters standing alone — at the start or end, or next to
/// a space, punctuation or a Chinese character, not a letter or digit — and only the initials of the assistant's commands and
/// features: "school" or "wd40" are left alone. The message itself (what flows and the guide read) is not changed.
/// </summary>
public static partial class PinyinInitials
{
    // Hand-written: no served package maps abbreviations (pinyin libraries go from characters to pinyin, not back),
    // and only this assistant's vocabulary may be expanded.
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wd"] = "我的",
        ["sc"] = "时长",
        ["jf"] = "积分",
        ["dh"] = "兑换",
        ["zb"] = "值班",
        ["yy"] = "预约",
        ["yyzb"] = "预约值班",
        ["wdzb"] = "我的值班",
        ["wdsc"] = "我的时长",
        ["wdjf"] = "我的积分",
        ["rg"] = "人工",
        ["zrg"] = "转人工",
        ["qz"] = "求助",
        ["bd"] = "绑定",
        ["cx"] = "查询",
    };

    /// <summary><paramref name="text"/> with every standalone known initials run replaced by its words.</summary>
    public static string Expand(string text) =>
        text.Length == 0 || !Latin().IsMatch(text) ? text : Latin().Replace(text, m => Words.GetValueOrDefault(m.Value) ?? m.Value);

    [GeneratedRegex("(?<![A-Za-z0-9])[A-Za-z]{2,4}(?![A-Za-z0-9])")]
    private static partial Regex Latin();
}
