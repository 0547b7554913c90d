using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Safety;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// A second reader of the guide beside the BM25 index: a multiclass maximum-entropy model (ML.NET SDCA) over character
/// 1–4-grams of the compact text, trained on every entry's phrasings and title, on the user questions filed under
/// entries (<c>examples*.yaml</c>) and on messages the guide does not cover (a class of their own, <see cref="NotCovered"/>).
/// BM25 weighs a term by its rarity; this model learns which characters tell one entry from another, as people ask.
/// <see cref="DecisionPolicy.Reconsider"/> uses its reading to answer instead of listing, to list instead of answering
/// wrongly, and to say "not sure" (docs/KNOWLEDGE.md). Trained when the guide loads (3–5 s for ~4,400 rows), with a fixed
/// seed and one thread, so the same content always gives the same model; models are shared per content within a
/// process (every test host and every account without an overlay reads the same guide).
/// </summary>
internal sealed class GuideClassifier
{
    /// <summary>The label the model gives a message the guide does not cover (no entry has it: ids are lower-case words).</summary>
    public const string NotCovered = "(not covered)";

    // In all, the messages the guide does not cover weigh as much as one entry's rows: at full weight (400 messages
    // against about 75 rows per entry) the model called a fifth of the covered questions "not covered"; at one entry's
    // worth it learns the class without swamping the others (dev half: 1 and 2 measured alike, 3 worse).
    private const double NotCoveredWeight = 1;

    private const int Seed = 20191206;
    private static readonly ConcurrentDictionary<string, Lazy<GuideClassifier>> Trained = new();

    // The n-gram length of the featurizer (character 1–4-grams).
    private const int GramLength = 4;

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly LinearTextScorer? _scorer;
    private readonly GuideReading.Labels _labels;
    private readonly ConcurrentBag<PredictionEngine<Row, Output>> _engines = [];

    private GuideClassifier(MLContext ml, ITransformer model, LinearTextScorer? scorer, string[] labels)
    {
        _ml = ml;
        _model = model;
        _scorer = scorer;
        _labels = new GuideReading.Labels(labels);
    }

    /// <summary>The model for <paramref name="content"/>'s entries, trained once per distinct content in this process.</summary>
    public static GuideClassifier For(GuideContent content)
    {
        var rows = content.Entries
            .SelectMany(e => e.Questions.Append(e.Title).Select(q => new Row { Label = e.Id, Text = SafetyText.Compact(q) }))
            .Concat(content.Examples.Select(x => new Row { Label = x.EntryId, Text = SafetyText.Compact(x.Question) }))
            .Where(r => r.Text.Length > 0)
            .ToList();
        var notCovered = content.NotCovered.Select(q => new Row { Label = NotCovered, Text = SafetyText.Compact(q) }).Where(r => r.Text.Length > 0).ToList();
        if (notCovered.Count > 0)
        {
            var weight = (float)(NotCoveredWeight * rows.Count / content.Entries.Count / notCovered.Count);
            foreach (var row in notCovered) row.Weight = Math.Min(1f, weight);
            rows.AddRange(notCovered);
        }
        return Trained.GetOrAdd(Fingerprint(rows), _ => new Lazy<GuideClassifier>(() => Train(rows))).Value;
    }

    /// <summary>The model's reading of <paramref name="text"/>; null for empty text.</summary>
    public GuideReading? Read(string text)
    {
        var compact = SafetyText.Compact(text);
        if (compact.Length == 0) return null;
        return _scorer?.TryScore(compact) is { } scores ? new GuideReading(_labels, scores) : ReadWithEngine(text);
    }

    /// <summary>Whether <see cref="Read"/> scores by arithmetic (else through the engine, as it did before).</summary>
    internal bool ScoresDirectly => _scorer is not null;

    /// <summary>The reading ML.NET's prediction engine gives (what <see cref="Read"/> must equal; tests).</summary>
    internal GuideReading? ReadWithEngine(string text)
    {
        var compact = SafetyText.Compact(text);
        if (compact.Length == 0) return null;
        if (!_engines.TryTake(out var engine)) engine = _ml.Model.CreatePredictionEngine<Row, Output>(_model);
        try
        {
            return new GuideReading(_labels, engine.Predict(new Row { Text = compact }).Score);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static GuideClassifier Train(List<Row> rows)
    {
        var ml = new MLContext(seed: Seed);
        var trainer = CharNgrams.Trainer(1e-5f);
        trainer.ExampleWeightColumnName = nameof(Row.Weight);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", CharNgrams.Featurizer(allLengths: true, length: GramLength), nameof(Row.Text)))
            // Character 1–4-grams and L2 1e-5, measured on the dev half with ~1,800 user questions among the rows:
            // 1e-4 bunched the probabilities (70.8 % answered right), 3e-6 made the model sure of questions the guide
            // does not cover (4 of 65 answered); 3-grams read 1 point worse than 4-grams.
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(trainer));
        var model = pipeline.Fit(data);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)[nameof(Output.Score)].GetSlotNames(ref names);
        var scorer = LinearTextScorer.FromTraining(model, data.Schema, "Features", GramLength, rows.Select(r => r.Text));
        return new GuideClassifier(ml, model, scorer, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    private static string Fingerprint(List<Row> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(row.Label).Append('\u0001').Append(row.Text).Append('\u0001').Append(row.Weight).Append('\u0002');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";
        public string Text { get; set; } = "";

        public float Weight { get; set; } = 1;
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}
