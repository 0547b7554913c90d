using System.Text;
using System.Text.RegularExpressions;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// The reviewed crisis lexicon, compiled: everyday phrases are masked first (so 「有事打我电话」 or 「笑死」 cannot
/// match 打我 or 死), then the crisis entries are tried before the check entries. A regular expression per level with
/// one named group per entry, so a message is scanned twice at most whatever the number of entries.
/// </summary>
public sealed class CrisisLexicon
{
    /// <summary>What a masked everyday phrase is replaced with: no pattern contains it, so none can match across it.</summary>
    public const char Mask = '□';

    // A guard against a pattern staff add that backtracks badly: no message may hold a turn up for long.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    private readonly Regex? _negatives;
    private readonly Regex? _crisis;
    private readonly Regex? _check;
    private readonly IReadOnlyList<CrisisLexiconEntry> _crisisEntries;
    private readonly IReadOnlyList<CrisisLexiconEntry> _checkEntries;

    public CrisisLexicon(IReadOnlyList<CrisisNegative> negatives, IReadOnlyList<CrisisLexiconEntry> entries)
    {
        Negatives = negatives;
        Entries = entries;
        _negatives = Combine(negatives.SelectMany(n => n.Patterns).ToList());
        _crisisEntries = entries.Where(e => e.Level == CrisisLevel.Crisis).ToList();
        _checkEntries = entries.Where(e => e.Level == CrisisLevel.Check).ToList();
        _crisis = CombineNamed(_crisisEntries);
        _check = CombineNamed(_checkEntries);
        WarmUp();
    }

    // A compiled regular expression is turned into machine code at its first match, which for these large
    // alternations takes longer than the match timeout: the first message after a (re)load would time out and go
    // unread. Each is run once here, before any message, so that cost is paid now.
    private void WarmUp()
    {
        foreach (var regex in new[] { _negatives, _crisis, _check })
        {
            try { regex?.IsMatch("预热：我想问一下 warm up 123 🙂|好的"); }
            catch (RegexMatchTimeoutException) { } // paid now either way
        }
    }

    public IReadOnlyList<CrisisNegative> Negatives { get; }

    public IReadOnlyList<CrisisLexiconEntry> Entries { get; }

    /// <summary>Compact text with every everyday phrase replaced by <see cref="Mask"/>.</summary>
    public string MaskEveryday(string compact)
    {
        if (_negatives is null || compact.Length == 0) return compact;
        try
        {
            return _negatives.Replace(compact, Mask.ToString());
        }
        catch (RegexMatchTimeoutException)
        {
            // Unmasked is the safe side: an everyday phrase may then raise a false alarm, never hide a crisis.
            return compact;
        }
    }

    /// <summary>The first crisis entry matching <paramref name="masked"/>, else the first check entry, else null.</summary>
    public CrisisLexiconEntry? Match(string masked) =>
        Find(_crisis, _crisisEntries, masked) ?? Find(_check, _checkEntries, masked);

    /// <summary>Every entry matching <paramref name="masked"/> (for the tests and the review tools).</summary>
    public IEnumerable<CrisisLexiconEntry> MatchAll(string masked) =>
        Entries.Where(e => e.Patterns.Any(p => Regex.IsMatch(masked, p, RegexOptions.CultureInvariant, MatchTimeout)));

    private static CrisisLexiconEntry? Find(Regex? regex, IReadOnlyList<CrisisLexiconEntry> entries, string text)
    {
        if (regex is null || text.Length == 0) return null;
        Match match;
        try
        {
            match = regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // the model still reads the message
        }
        if (!match.Success) return null;
        for (var i = 0; i < entries.Count; i++)
            if (match.Groups[GroupName(i)].Success) return entries[i];
        return null;
    }

    private static Regex? Combine(IReadOnlyList<string> patterns) =>
        patterns.Count == 0 ? null : new Regex(string.Join('|', patterns.Select(p => $"(?:{p})")), Options, MatchTimeout);

    private static Regex? CombineNamed(IReadOnlyList<CrisisLexiconEntry> entries)
    {
        if (entries.Count == 0) return null;
        var builder = new StringBuilder();
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0) builder.Append('|');
            builder.Append("(?<").Append(GroupName(i)).Append('>').Append(string.Join('|', entries[i].Patterns.Select(p => $"(?:{p})"))).Append(')');
        }
        return new Regex(builder.ToString(), Options, MatchTimeout);
    }

    private static string GroupName(int index) => "e" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Explicit capture: only the named entry groups capture, so the patterns' own parentheses cost nothing.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;
}
