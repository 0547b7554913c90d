using System.Text;
using System.Text.RegularExpressions;

namespace ChatAssistant.Identity;

/// <summary>
/// Reads a binding code the way people type it: "12345678", "1234 5678", "1234-5678", "1234 - 5678", "12 34 56 78"
/// (also with a full-width space or dash, or full-width digits from a Chinese keyboard). A code is always stored and compared as 8 ASCII digits.
/// </summary>
public static partial class BindingCodeText
{
    /// <summary>The first code in <paramref name="text"/> as 8 ASCII digits, or null when it holds none.</summary>
    public static string? Find(string? text)
    {
        var match = Code().Match(text ?? "");
        return match.Success ? Digits(match.Value) : null;
    }

    /// <summary>
    /// <paramref name="code"/> as 8 ASCII digits when it is a code and nothing else (separators allowed, surrounding
    /// spaces ignored), or null.
    /// </summary>
    public static string? Normalize(string? code)
    {
        var match = Code().Match(code ?? "");
        return match.Success && match.Value.Length == (code ?? "").Trim().Length ? Digits(match.Value) : null;
    }

    private static string Digits(string text)
    {
        var digits = new StringBuilder(8);
        foreach (var c in text)
            if (char.IsDigit(c)) digits.Append((char)('0' + (int)char.GetNumericValue(c)));
        return digits.ToString();
    }

    // Four and four digits, or four pairs ("12 34 56 78"), with spaces and at most one dash between the groups
    // ("1234 - 5678", "1234  5678"); not part of a longer number, and not a date ("2026-11-26" is no code). The pairs
    // need a separator each, so eight digits split 4-2-2 are no code either.
    private const string Core =
        @"(?:\d{4}\s*[\-－–—]?\s*\d{4}|\d{2}(?:(?:\s+|\s*[\-－–—]\s*)\d{2}){3})";

    [GeneratedRegex(@"(?<!\d\s*[\-－–—]?\s*)" + Core + @"(?!\s*[\-－–—]?\s*\d)")]
    private static partial Regex Code();

    /// <summary>A message that is only a code, in two halves or not (an identity intent's pattern).</summary>
    [GeneratedRegex(@"^\s*" + Core + @"\s*$")]
    public static partial Regex Whole();
}
