using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>Reads and checks the lexicon file (crisis-lexicon.yaml); every problem is reported at once.</summary>
public static class CrisisLexiconLoader
{
    public const string FileName = "crisis-lexicon.yaml";

    public static CrisisLexicon Load(string path) => LoadWithThresholds(path).Lexicon;

    /// <summary>The lexicon and the model thresholds kept with it (<c>model_thresholds: {crisis, check}</c>).</summary>
    public static (CrisisLexicon Lexicon, CrisisThresholds Thresholds) LoadWithThresholds(string path)
    {
        if (!File.Exists(path)) throw new CrisisLexiconException([$"{path}: file not found"]);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>The lexicon shipped inside the assembly: used when the file is missing or broken.</summary>
    public static (CrisisLexicon Lexicon, CrisisThresholds Thresholds) LoadEmbedded()
    {
        using var stream = typeof(CrisisLexiconLoader).Assembly.GetManifestResourceStream("ChatAssistant.Knowledge." + FileName)
            ?? throw new InvalidOperationException("The crisis lexicon is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "embedded " + FileName);
    }

    private static (CrisisLexicon Lexicon, CrisisThresholds Thresholds) Parse(string yaml, string name)
    {
        LexiconFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<LexiconFile?>(yaml) ?? new LexiconFile();
        }
        catch (YamlException e)
        {
            throw new CrisisLexiconException([$"{name}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}"]);
        }
        var thresholds = file.ModelThresholds is { } t ? new CrisisThresholds(t.Crisis, t.Check) : CrisisThresholds.Default;
        var lexicon = Build(file, name);
        if (thresholds.Check <= 0 || thresholds.Check > thresholds.Crisis || thresholds.Crisis > 1)
            throw new CrisisLexiconException([$"{name}: model_thresholds must satisfy 0 < check <= crisis <= 1"]);
        return (lexicon, thresholds);
    }

    private static CrisisLexicon Build(LexiconFile file, string name)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var negatives = new List<CrisisNegative>();
        foreach (var n in file.Negatives)
        {
            var where = $"{name}: negative '{n.Id}'";
            if (!CheckCommon(n.Id, n.Patterns, n.Examples, where, ids, errors)) continue;
            negatives.Add(new CrisisNegative(n.Id, n.Patterns, n.Examples));
        }
        var entries = new List<CrisisLexiconEntry>();
        foreach (var e in file.Entries)
        {
            var where = $"{name}: entry '{e.Id}'";
            var ok = CheckCommon(e.Id, e.Patterns, e.Examples, where, ids, errors);
            if (!Enum.TryParse<CrisisLevel>(e.Level, ignoreCase: true, out var level) || level == CrisisLevel.None)
            {
                errors.Add($"{where}: level must be crisis or check");
                ok = false;
            }
            CrisisCategory? category = null;
            if (e.Category is { Length: > 0 })
            {
                if (Enum.TryParse<CrisisCategory>(e.Category, ignoreCase: true, out var parsed)) category = parsed;
                else { errors.Add($"{where}: category must be suicide, abuse, violence or danger"); ok = false; }
            }
            else if (level == CrisisLevel.Crisis)
            {
                errors.Add($"{where}: a crisis entry needs a category");
                ok = false;
            }
            if (ok) entries.Add(new CrisisLexiconEntry(e.Id, level, category, e.Patterns, e.Examples, e.Not));
        }
        if (entries.Count == 0 && errors.Count == 0) errors.Add($"{name}: no entries");
        if (errors.Count > 0) throw new CrisisLexiconException(errors);
        return new CrisisLexicon(negatives, entries);
    }

    private static bool CheckCommon(string id, List<string> patterns, List<string> examples, string where, HashSet<string> ids, List<string> errors)
    {
        var ok = true;
        if (string.IsNullOrWhiteSpace(id)) { errors.Add($"{where}: missing id"); ok = false; }
        else if (!ids.Add(id)) { errors.Add($"{where}: id used twice"); ok = false; }
        if (patterns.Count == 0) { errors.Add($"{where}: no patterns"); ok = false; }
        if (examples.Count == 0) { errors.Add($"{where}: no examples (every entry is reviewed with at least one message)"); ok = false; }
        foreach (var p in patterns)
        {
            try
            {
                var regex = new Regex(p, RegexOptions.CultureInvariant);
                if (regex.IsMatch(CrisisLexicon.Mask.ToString())) { errors.Add($"{where}: pattern '{p}' matches the mask character □ alone"); ok = false; }
            }
            catch (ArgumentException e)
            {
                errors.Add($"{where}: pattern '{p}' is not a valid regular expression ({e.Message})");
                ok = false;
            }
        }
        return ok;
    }

    private sealed class LexiconFile
    {
        public List<NegativeItem> Negatives { get; set; } = [];

        public List<EntryItem> Entries { get; set; } = [];

        public ThresholdItem? ModelThresholds { get; set; }
    }

    private sealed class ThresholdItem
    {
        public float Crisis { get; set; }

        public float Check { get; set; }
    }

    private sealed class NegativeItem
    {
        public string Id { get; set; } = "";

        public List<string> Patterns { get; set; } = [];

        public List<string> Examples { get; set; } = [];
    }

    private sealed class EntryItem
    {
        public string Id { get; set; } = "";

        public string Level { get; set; } = "";

        public string? Category { get; set; }

        public List<string> Patterns { get; set; } = [];

        public List<string> Examples { get; set; } = [];

        public List<string> Not { get; set; } = [];
    }
}
