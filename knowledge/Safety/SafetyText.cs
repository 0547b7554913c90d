using System.Globalization;
using System.Text;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// The one form the crisis check reads: full-width to half-width (NFKC), simplified characters, lower case, and only
/// letters, digits, CJK and emoji kept — spaces and other marks dropped, so 「想 死」 and 「想死」 read alike and English
/// phrases become one run of letters ("kill myself" → "killmyself"). A clause break (，。！？；… and line breaks)
/// becomes one <see cref="Boundary"/>, so an everyday phrase cannot be read across two clauses (「太累，死了算了」 is
/// not 累死). The lexicon's patterns and the model's n-grams are written against this form.
/// </summary>
public static class SafetyText
{
    /// <summary>What a clause break becomes.</summary>
    public const char Boundary = '|';

    public static string Compact(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normalized = ChineseScript.ToSimplified(text.Normalize(NormalizationForm.FormKC));
        var builder = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                // Emoji carry meaning here (🔪, 💊): kept whole.
                builder.Append(c).Append(normalized[i + 1]);
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol) builder.Append(c);
            else if (IsClauseBreak(c) && builder.Length > 0 && builder[^1] != Boundary) builder.Append(Boundary);
        }
        if (builder.Length > 0 && builder[^1] == Boundary) builder.Length--;
        return builder.ToString();
    }

    private static bool IsClauseBreak(char c) => c is ',' or '.' or '!' or '?' or ';' or ':' or '\n' or '\r' or '…' or '~' or '、' or '。';
}
