using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// One trained ML.NET model of the <see cref="CrisisModel"/> ensemble: its class probabilities in a fixed label order.
/// A prediction engine is not thread-safe, so engines are pooled.
/// </summary>
internal sealed class CrisisModelMember
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly ConcurrentBag<PredictionEngine<CrisisModelInput, CrisisModelOutput>> _engines = [];
    private readonly int[] _order;

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
    }

    /// <summary>Adds this model's probabilities to <paramref name="sums"/>, in the ensemble's label order.</summary>
    public void AddScores(string masked, float[] sums)
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
