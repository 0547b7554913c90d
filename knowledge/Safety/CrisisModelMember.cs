using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// One trained ML.NET model of the <see cref="CrisisModel"/> ensemble: its class probabilities in a fixed label order.
/// Scored as arithmetic (<see cref="Retrieval.LinearTextScorer"/>, the n-grams read off the model's slot names); text with
/// an emoji, which those names cannot tell apart, and a model of another shape go through ML.NET's prediction engine,
/// pooled because an engine is not thread-safe.
/// </summary>
internal sealed class CrisisModelMember
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<CrisisModelInput, CrisisModelOutput>> _engines = [];
    private readonly int[] _order;
    private readonly Retrieval.LinearTextScorer? _scorer;

    public CrisisModelMember(MLContext ml, ITransformer model, IReadOnlyList<string> labels)
    {
        _ml = ml;
        _model = model;
        var engine = Create();
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(CrisisModelOutput.Score)].GetSlotNames(ref names);
        var own = names.DenseValues().Select(n => n.ToString()).ToList();
        _order = labels.Select(l => own.IndexOf(l)).ToArray();
        if (_order.Any(i => i < 0)) throw new InvalidDataException($"A crisis model lacks one of the classes {string.Join(", ", labels)}.");
        _engines.Add(engine);
        _scorer = Retrieval.LinearTextScorer.FromSlotNames(model, ml.Data.LoadFromEnumerable(Array.Empty<CrisisModelInput>()).Schema, "Features");
    }

    /// <summary>Whether text without an emoji is scored as arithmetic (tests).</summary>
    internal bool ScoresDirectly => _scorer is not null;

    /// <summary>Adds this model's probabilities to <paramref name="sums"/>, in the ensemble's label order.</summary>
    public void AddScores(string masked, float[] sums)
    {
        if (_scorer?.TryScore(masked) is not { } direct)
        {
            AddEngineScores(masked, sums);
            return;
        }
        for (var i = 0; i < _order.Length; i++) sums[i] += direct[_order[i]];
    }

    /// <summary>What ML.NET's prediction engine gives (what <see cref="AddScores"/> must equal; tests).</summary>
    internal void AddEngineScores(string masked, float[] sums)
    {
        if (!_engines.TryTake(out var engine)) engine = Create();
        try
        {
            var scores = engine.Predict(new CrisisModelInput { Text = masked }).Score;
            for (var i = 0; i < _order.Length; i++) sums[i] += scores[_order[i]];
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    public void Save(Stream stream, DataViewSchema schema) => _ml.Model.Save(_model, schema, stream);

    private PredictionEngine<CrisisModelInput, CrisisModelOutput> Create() =>
        _ml.Model.CreatePredictionEngine<CrisisModelInput, CrisisModelOutput>(_model);
}
