using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Disputes;

/// <summary>
/// The counties (区县) a help request can be filed for, grouped by city, with 其他地区 last. Finds what a user typed:
/// a full name (天台县), a short name (天台), either inside a few more words (我在天台) or with the city (台州天台).
/// </summary>
public sealed class CountyDirectory
{
    // Suffixes an everyday name drops: 天台县 → 天台, 义乌市 → 义乌, 婺城区 → 婺城 (only when two characters remain).
    private const string Suffixes = "县市区旗";

    private static readonly string[] OtherAreaWords = ["其他", "其它", "其他地方", "其它地方", "外地", "外省", "都不是", "以上都不是", "不在这里", "别的地方"];

    private readonly Dictionary<string, CountyOption> _byLabel;

    public CountyDirectory(IEnumerable<(string? City, IEnumerable<string> Counties)> groups)
    {
        var listed = groups.Select(g => (g.City, Counties: g.Counties.Select(c => c.Trim()).Where(c => c.Length > 0 && c != DisputeTexts.OtherArea).Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Counties.Count > 0).ToList();
        // A short name two counties share (普陀 in two cities) would pick one of them at random: it is dropped.
        var shortNames = listed.SelectMany(g => g.Counties).Distinct(StringComparer.Ordinal).Select(ShortName).OfType<string>()
            .GroupBy(s => s, StringComparer.Ordinal).Where(s => s.Count() == 1).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        Groups = listed.Select(g => new CountyGroup(g.City, g.Counties
            .Select(c => new CountyOption(c, g.City, ShortName(c) is { } s && shortNames.Contains(s) ? [s] : []))
            .ToList())).ToList();
        OtherArea = new CountyOption(DisputeTexts.OtherArea, null, OtherAreaWords) { Unassigned = true };
        Options = [.. Groups.SelectMany(g => g.Counties), OtherArea];
        _byLabel = new Dictionary<string, CountyOption>(StringComparer.Ordinal);
        foreach (var option in Options) _byLabel.TryAdd(option.Label, option);
    }

    /// <summary>The cities and their counties, in the order shown.</summary>
    public IReadOnlyList<CountyGroup> Groups { get; }

    /// <summary>Every option in the order shown (and numbered): the counties, then 其他地区.</summary>
    public IReadOnlyList<CountyOption> Options { get; }

    /// <summary>The catch-all 其他地区.</summary>
    public CountyOption OtherArea { get; }

    /// <summary>The same directory with only <paramref name="counties"/> (labels) under their cities, 其他地区 last.</summary>
    public CountyDirectory Only(IReadOnlySet<string> counties) =>
        new(Groups.Select(g => (g.City, g.Counties.Select(c => c.Label).Where(counties.Contains))));

    /// <summary>The option shown as <paramref name="label"/>, or null.</summary>
    public CountyOption? ByLabel(string label) => _byLabel.GetValueOrDefault(label);

    /// <summary>Whether a ticket's county is the catch-all (or empty): no county's staff, the default scope's.</summary>
    public static bool IsUnassigned(string? county) => string.IsNullOrWhiteSpace(county) || county == DisputeTexts.OtherArea;

    /// <summary>
    /// The option <paramref name="text"/> names, among <paramref name="shown"/> (labels) when given: a label or short name
    /// as the whole answer, or the only one the answer contains. Null when it names none or several.
    /// </summary>
    public CountyOption? Find(string text, IReadOnlyCollection<string>? shown = null)
    {
        var s = Compact(text);
        if (s.Length == 0) return null;
        var candidates = Options.Where(o => shown is null || shown.Contains(o.Label)).ToList();
        var exact = candidates.FirstOrDefault(o => o.Label == s || o.ShortNames.Contains(s, StringComparer.Ordinal));
        if (exact is not null) return exact;
        // 「我在天台」, 「台州市天台县」: the one county the answer mentions (the catch-all's words only as the whole answer).
        var mentioned = candidates.Where(o => !o.Unassigned && (s.Contains(o.Label, StringComparison.Ordinal) || o.ShortNames.Any(n => s.Contains(n, StringComparison.Ordinal)))).ToList();
        return mentioned.Count == 1 ? mentioned[0] : null;
    }

    /// <summary>天台县 → 天台; null when nothing shorter is a name (城区, 其他地区).</summary>
    internal static string? ShortName(string county) =>
        county.Length >= 3 && Suffixes.Contains(county[^1], StringComparison.Ordinal) ? county[..^1] : null;

    private static string Compact(string text) =>
        new(Replies.Normalize(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)).ToArray());
}
