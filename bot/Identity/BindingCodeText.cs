using System.Text;
using System.Text.RegularExpressions;

namespace ChatAssistant.Identity;

/// <summary>
/// Reads a binding code the way people type it: "12345678", "1234 5678", "1234-5678" (also with a full-width space
/// or dash, or full-width digits from a Chinese keyboard). A code is always stored and compared as 8 ASCII digits.
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

    // Four digits, at most one space or dash, four digits; not part of a longer number ("2026-11-26" is no code).
    [GeneratedRegex(@"(?<!\d[\s\-－–—]?)\d{4}[\s\-－–—]?\d{4}(?![\s\-－–—]?\d)")]
    private static partial Regex Code();

    /// <summary>A message that is only a code, in two halves or not (an identity intent's pattern).</summary>
    [GeneratedRegex(@"^\s*\d{4}[\s\-－–—]?\d{4}\s*$")]
    public static partial Regex Whole();
}
