namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// The words that make a message a question without saying what it is about: 怎么样, 怎么, 什么, 如何, 吗, 可以, 请问…
/// (English question words are dropped by the analyzer, <see cref="AnalysisProfiles.EnglishFunctionWords"/>). Every
/// guide phrasing is a question, so these words match almost any entry: 「今天天气怎么样」 shares only 怎么样 with
/// 「刷时长会怎么样」. The index scores a query's terms inside them at a fraction of their weight, and a match made
/// of them alone is no match (<see cref="DecisionPolicy"/>).
/// </summary>
internal static class QuestionFiller
{
    // Longest first at each position, so 怎么样 is one span and 可不可以 is not 可 + 不可以.
    private static readonly string[] Words =
    [
        "怎么样", "怎么办", "怎么弄", "怎么搞", "怎么回事", "怎么", "怎样", "咋样", "咋办", "咋整", "咋弄", "咋回事", "咋",
        "什么", "为什么", "为啥", "啥", "如何",
        "可不可以", "可以", "能不能", "能否", "是不是", "是否", "有没有", "会不会", "要不要", "行不行", "好不好", "行吗", "好吗",
        "请问", "请教", "问一下", "想问", "问问", "你好", "您好",
        "吗", "嘛", "么", "呢", "吧", "啊", "呀", "哦", "哈", "啦", "嘞", "呗",
    ];

    private static readonly int Longest = Words.Max(w => w.Length);

    private static readonly HashSet<string> Set = new(Words, StringComparer.Ordinal);

    /// <summary>For each character of <paramref name="normalized"/>, whether it lies inside a filler word.</summary>
    public static bool[] Mask(string normalized)
    {
        var mask = new bool[normalized.Length];
        var lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < normalized.Length;)
        {
            var matched = 0;
            for (var length = Math.Min(Longest, normalized.Length - start); length > 0; length--)
            {
                if (lookup.Contains(normalized.AsSpan(start, length)))
                {
                    matched = length;
                    break;
                }
            }

            for (var i = 0; i < matched; i++)
            {
                mask[start + i] = true;
            }

            start += Math.Max(matched, 1);
        }

        return mask;
    }

    /// <summary>True when every character of [<paramref name="start"/>, <paramref name="end"/>) is filler.</summary>
    public static bool Covers(bool[] mask, int start, int end)
    {
        if (start >= end || end > mask.Length)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!mask[i])
            {
                return false;
            }
        }

        return true;
    }
}
