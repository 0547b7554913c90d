using System.Text.RegularExpressions;

namespace ChatAssistant.Knowledge.Content;

/// <summary>
/// What an entry written in the console must be, told to staff in their language: the file rules (an id, a title, at
/// least <see cref="GuideLoader.MinimumQuestions"/> distinct phrasings, an answer, a tag, a source) and the lengths a
/// WeChat answer and the console allow.
/// </summary>
public static partial class GuideEntryRules
{
    /// <summary>An answer is sent as one WeChat text message (2,048 bytes, about 680 Chinese characters): room kept for the offer after it.</summary>
    public const int AnswerMax = 600;
    public const int TitleMax = 60;
    public const int QuestionMax = 120;
    public const int QuestionsMax = 200;
    public const int TagMax = 20;
    public const int SourceMax = 200;

    /// <summary>Lower-case letters, digits and hyphens, as the files' ids (vol-register).</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,47}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    /// <summary>The problems of <paramref name="entry"/> (empty: none), each a short Chinese sentence.</summary>
    public static IReadOnlyList<string> Problems(GuideEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<string>();
        if (!IdPattern().IsMatch(entry.Id)) problems.Add("条目编号只能用小写字母、数字和连字符（如 vol-register），2 到 48 个字符。");
        Length(problems, entry.Title, "标题", TitleMax);
        Length(problems, entry.Answer, "回答", AnswerMax);
        Length(problems, entry.Source, "出处", SourceMax);
        if (entry.Questions.Count < GuideLoader.MinimumQuestions)
            problems.Add($"至少要有 {GuideLoader.MinimumQuestions} 种问法（现在 {entry.Questions.Count} 种）。");
        if (entry.Questions.Count > QuestionsMax) problems.Add($"问法最多 {QuestionsMax} 种。");
        if (entry.Questions.Any(q => q.Trim().Length == 0 || q.Length > QuestionMax)) problems.Add($"每种问法 1 到 {QuestionMax} 个字。");
        if (entry.Questions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != entry.Questions.Count) problems.Add("问法有重复。");
        if (entry.Tags.Count == 0) problems.Add("至少要有 1 个标签。");
        if (entry.Tags.Any(t => t.Trim().Length == 0 || t.Length > TagMax)) problems.Add($"每个标签 1 到 {TagMax} 个字。");
        return problems;
    }

    private static void Length(List<string> problems, string value, string name, int max)
    {
        if (value.Trim().Length == 0) problems.Add($"{name}不能为空。");
        else if (value.Length > max) problems.Add($"{name}最多 {max} 个字（现在 {value.Length} 个）。");
    }
}
