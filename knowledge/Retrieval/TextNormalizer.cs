using System.Text;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>Puts user text into one form before analysis: full-width to half-width (NFKC), simplified characters, lower case, trimmed.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text) => ChineseScript.ToSimplified(text.Normalize(NormalizationForm.FormKC)).ToLowerInvariant().Trim();

    /// <summary>Letters, digits and CJK only: used to compare short small-talk phrases.</summary>
    public static string Compact(string text)
    {
        var normalized = Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
