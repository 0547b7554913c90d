using System.Text;
using System.Text.RegularExpressions;

namespace ChatAssistant.Phones;

/// <summary>
/// Chinese mainland mobile numbers as people write them — 「138 0013 8000」, 「+86 138-0000-0022」, 「0086…」, full-width
/// digits — in their one stored form, 11 digits. Shared by the help request's contact number and the roster import.
/// </summary>
public static partial class MobileNumber
{
    /// <summary>The 11-digit number, or null when <paramref name="input"/> is not a mainland mobile number.</summary>
    public static string? Normalize(string? input)
    {
        var s = Separators().Replace((input ?? "").Normalize(NormalizationForm.FormKC), "");
        if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal)) s = s[2..];
        else if (s.Length == 15 && s.StartsWith("0086", StringComparison.Ordinal)) s = s[4..];
        return Mobile().IsMatch(s) ? s : null;
    }

    [GeneratedRegex(@"[\s\-+()（）.]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();
}
