using System.Text.RegularExpressions;

namespace ChatAssistant.Security;

/// <summary>
/// Masks what looks personal in a message before it is kept where staff read it (the guide's unanswered questions):
/// mobile and landline numbers, ID card numbers, e-mail addresses, WeChat and QQ ids, a name after 「我叫」, and any
/// other run of four or more digits or a code of letters and digits (verification codes, ticket and card numbers,
/// door codes). Each becomes a bracketed word that says what was there, so the question still reads.
/// </summary>
/// <remarks>
/// Written here: no served package masks Chinese personal data. It errs on the side of masking: a question about "2019
/// 年" loses its year, which staff can read around; a phone number kept would be worse.
/// </remarks>
public static partial class PersonalText
{
    public const string Phone = "[手机号]";
    public const string Landline = "[电话]";
    public const string IdNumber = "[证件号]";
    public const string Email = "[邮箱]";
    public const string Account = "[账号]";
    public const string Name = "[姓名]";
    public const string Number = "[数字]";
    public const string Code = "[编码]";

    /// <summary>Every word a mask leaves in the text.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = [Phone, Landline, IdNumber, Email, Account, Name, Number, Code];

    /// <summary>How much of a message is kept: a question, not a story.</summary>
    public const int MaxLength = 200;

    /// <summary><paramref name="text"/> with what looks personal masked, trimmed and cut to <see cref="MaxLength"/>.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Trim();
        // Full-width digits and letters are read as their ASCII forms first, so 「１３８…」 is a phone number too.
        s = string.Create(s.Length, s, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' ? (char)(c - 0xFEE0) : c;
            }
        });
        s = EmailPattern().Replace(s, Email);
        s = AccountPattern().Replace(s, m => m.Groups["lead"].Value + Account);
        s = NamePattern().Replace(s, m => m.Groups["lead"].Value + Name);
        s = IdPattern().Replace(s, IdNumber);
        s = MobilePattern().Replace(s, Phone);
        s = LandlinePattern().Replace(s, Landline);
        s = CodePattern().Replace(s, Code);
        s = DigitsPattern().Replace(s, Number);
        return s.Length > MaxLength ? s[..MaxLength] : s;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // 「微信号abc_123」「vx: abc123」「QQ 12345678」: the id after the word, whatever it is made of.
    [GeneratedRegex(@"(?<lead>(?:微信号?|vx|wx|v信|qq|QQ|扣扣|账号|帐号|用户名)\s*(?:是|为)?\s*[:：]?\s*)[A-Za-z0-9_.\-]{3,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AccountPattern();

    // A name said plainly: 「我叫张小明」「我的名字是李华」「姓名：王芳」 (two to four Han characters).
    [GeneratedRegex(@"(?<lead>(?:我叫|我的名字(?:是|叫)|名字(?:是|叫)|姓名\s*[:：]?|本人)\s*)\p{IsCJKUnifiedIdeographs}{2,4}", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // 18 digits (the last may be X), or the old 15; with spaces or hyphens people type between groups.
    [GeneratedRegex(@"(?<![0-9])(?:[0-9][\s-]?){17}[0-9Xx](?![0-9A-Za-z])|(?<![0-9])[0-9]{15}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // A mainland mobile number, with or without +86 and separators (138 1234 5678, 138-1234-5678).
    [GeneratedRegex(@"(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"(?<![0-9])0[0-9]{2,3}[\s-]?[0-9]{7,8}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LandlinePattern();

    // Letters and digits together, five or more (a verification code, a ticket or card number such as QJ20261203).
    [GeneratedRegex(@"(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*[0-9])(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{4,}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    // Any other run of four or more digits (a code, a QQ or bank card number, a door code); spaces inside count.
    [GeneratedRegex(@"(?<![0-9])[0-9](?:[\s-]?[0-9]){3,}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();
}
