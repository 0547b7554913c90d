using System.Globalization;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// The crisis check every user message passes: the reviewed lexicon decides first (a crisis entry is a crisis
/// whatever the model says — recall comes first), then the model's probability against the calibrated thresholds;
/// a check entry or a middling probability gives a gentle check. Without a model the lexicon still works: the
/// check must never switch off.
/// </summary>
public sealed class CrisisClassifier(CrisisLexicon lexicon, CrisisModel? model, CrisisThresholds thresholds)
{
    public CrisisLexicon Lexicon => lexicon;

    public CrisisModel? Model => model;

    public CrisisThresholds Thresholds => thresholds;

    public CrisisAssessment Assess(string text)
    {
        var masked = lexicon.MaskEveryday(SafetyText.Compact(text));
        if (masked.Length == 0) return CrisisAssessment.None;
        var hit = lexicon.Match(masked);
        if (hit is { Level: CrisisLevel.Crisis }) return new CrisisAssessment(CrisisLevel.Crisis, hit.Category, "lexicon:" + hit.Id, 0f);
        var (probability, category) = model?.Score(masked) ?? (0f, CrisisCategory.Suicide);
        if (probability >= thresholds.Crisis) return new CrisisAssessment(CrisisLevel.Crisis, category, ModelSignal(probability), probability);
        if (hit is not null) return new CrisisAssessment(CrisisLevel.Check, hit.Category, "lexicon:" + hit.Id, probability);
        if (probability >= thresholds.Check) return new CrisisAssessment(CrisisLevel.Check, category, ModelSignal(probability), probability);
        return CrisisAssessment.None;
    }

    /// <summary>
    /// Loads the lexicon and thresholds from a crisis folder, with the model next to them when there is one (a fresh
    /// <c>crisis train</c>), else the model shipped in the assembly.
    /// </summary>
    public static CrisisClassifier Load(string directory)
    {
        var (lexicon, thresholds) = CrisisLexiconLoader.LoadWithThresholds(Path.Combine(directory, CrisisLexiconLoader.FileName));
        return new CrisisClassifier(lexicon, CrisisModel.Load(directory) ?? CrisisModel.Embedded, thresholds);
    }

    /// <summary>The lexicon and model shipped in the assembly.</summary>
    public static CrisisClassifier LoadEmbedded()
    {
        var (lexicon, thresholds) = CrisisLexiconLoader.LoadEmbedded();
        return new CrisisClassifier(lexicon, CrisisModel.Embedded, thresholds);
    }

    private static string ModelSignal(float probability) => "model:" + probability.ToString("0.00", CultureInfo.InvariantCulture);
}
