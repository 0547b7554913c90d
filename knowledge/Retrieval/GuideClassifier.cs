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
/// 1–3-grams of the compact text, trained on every entry's phrasings and title. BM25 weighs a term by its rarity; this
/// model learns which characters tell one entry from another. When the index is unsure between close entries and this
/// model independently puts the index's first choice first with enough probability, the first choice is answered
/// instead of offered in a list (docs/KNOWLEDGE.md, "A second reader"). Trained when the guide loads (about 1–2 s for
/// ~1,500 phrasings), with a fixed seed and one thread, so the same content always gives the same model; models are
/// shared per content within a process (every test host and every account without an overlay reads the same guide).
/// </summary>
internal sealed class GuideClassifier
{
    /// <summary>
    /// The probability from which the model's agreement with the index's first choice answers it. On the development
    /// half of knowledge/eval/guide-independent.yaml: 0.45 answered 62.5 % right with 8 wrong, 0.60 60.4 % with 5
    /// (52.5 % with 4 without this model); the calibration's utility (a wrong answer costs five right ones) is best at 0.60.
    /// </summary>
    public const float ConfirmAtLeast = 0.60f;

    private const int Seed = 20191206;
    private static readonly ConcurrentDictionary<string, Lazy<GuideClassifier>> Trained = new();

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;
    private readonly ConcurrentBag<PredictionEngine<Row, Output>> _engines = [];

    private GuideClassifier(MLContext ml, ITransformer model, string[] labels)
    {
        _ml = ml;
        _model = model;
        _labels = labels;
    }

    /// <summary>The model for <paramref name="content"/>'s entries, trained once per distinct content in this process.</summary>
    public static GuideClassifier For(GuideContent content)
    {
        var rows = content.Entries
            .SelectMany(e => e.Questions.Append(e.Title).Select(q => new Row { Label = e.Id, Text = SafetyText.Compact(q) }))
            .Where(r => r.Text.Length > 0)
            .ToList();
        return Trained.GetOrAdd(Fingerprint(rows), _ => new Lazy<GuideClassifier>(() => Train(rows))).Value;
    }

    /// <summary>The entry the model puts first for <paramref name="text"/> and its probability; null for empty text.</summary>
    public (string Id, float Probability)? Best(string text)
    {
        var compact = SafetyText.Compact(text);
        if (compact.Length == 0) return null;
        if (!_engines.TryTake(out var engine)) engine = _ml.Model.CreatePredictionEngine<Row, Output>(_model);
        try
        {
            var scores = engine.Predict(new Row { Text = compact }).Score;
            var best = 0;
            for (var i = 1; i < scores.Length; i++)
                if (scores[i] > scores[best]) best = i;
            return (_labels[best], scores[best]);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private static GuideClassifier Train(List<Row> rows)
    {
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", CharNgrams.Featurizer(allLengths: true), nameof(Row.Text)))
            // 1e-3 bunched the probabilities (few answers), 1e-5 answered more wrongly: measured on the dev half.
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(CharNgrams.Trainer(1e-4f)));
        var model = pipeline.Fit(data);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)[nameof(Output.Score)].GetSlotNames(ref names);
        return new GuideClassifier(ml, model, names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    private static string Fingerprint(List<Row> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(row.Label).Append('\u0001').Append(row.Text).Append('\u0002');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed class Row
    {
        public string Label { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}
