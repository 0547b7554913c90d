using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// A trained character n-gram maximum-entropy model (<see cref="CharNgrams"/>'s featurizer, then SDCA) scored as plain
/// arithmetic: the text's n-grams counted and L2-normalised, one dot product per class, softmax. What ML.NET's prediction
/// engine computes, without its per-call machinery (a data view row, a cursor, buffers): a guide question's reading
/// went from 6.7 to 2.2 µs (docs/KNOWLEDGE.md).
/// </summary>
/// <remarks>
/// Written by hand because no served package scores an ML.NET model outside the engine. It relies on how the featurizer
/// reads compacted text, which <c>GuideClassifierTests</c> checks against the engine on thousands of questions: every
/// UTF-16 unit is a token, the text is framed by the marker characters U+0002 and U+0003, n-grams of 1 to the model's
/// length are counted (term frequency) when the training data had them, and the vector is L2-normalised.
/// </remarks>
internal sealed class LinearTextScorer
{
    private const char Start = '\u0002';
    private const char End = '\u0003';

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _grams;
    private readonly float[] _weights; // feature-major: the classes' weights of feature f at [f * classes, (f + 1) * classes)
    private readonly float[] _biases;
    private readonly int _classes;
    private readonly int[] _lengths;

    private LinearTextScorer(Dictionary<string, int> grams, float[] weights, float[] biases, int[] lengths, bool readsSurrogates)
    {
        _grams = grams.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = weights;
        _biases = biases;
        _classes = biases.Length;
        _lengths = lengths;
        _readsEverything = readsSurrogates;
    }

    // Whether it reads every character as the engine does. A scorer built from slot names alone (FromSlotNames) does
    // not: the featurizer names every surrogate (half an emoji) and control character alike.
    private readonly bool _readsEverything;

    /// <summary>
    /// The scorer of <paramref name="model"/>, trained on <paramref name="texts"/> in this order; <paramref name="length"/>
    /// is the featurizer's n-gram length. Null when the n-gram dictionary cannot be rebuilt exactly (then the caller keeps
    /// the engine): it is rebuilt as the featurizer builds it — each training text framed by the markers, every n-gram
    /// of 1 to <paramref name="length"/> characters at each position in turn, numbered as first met — and checked against
    /// the feature column's slot names (「&lt;␂&gt;|怎|么」), which cannot name every n-gram themselves: the featurizer
    /// writes a surrogate (half an emoji) as an ambiguous escape.
    /// </summary>
    public static LinearTextScorer? FromTraining(ITransformer model, DataViewSchema input, string featureColumn, int length, IEnumerable<string> texts)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var text in texts)
        {
            var framed = Start + text + End;
            for (var i = 0; i < framed.Length; i++)
                for (var n = 1; n <= length && i + n <= framed.Length; n++)
                {
                    var gram = framed.Substring(i, n);
                    if (grams.TryAdd(gram, order.Count)) order.Add(gram);
                }
        }

        var slots = SlotNames(model, input, featureColumn);
        if (slots.Count != order.Count) return null;
        for (var i = 0; i < slots.Count; i++)
            if (!slots[i].Contains(Escaped, StringComparison.Ordinal) && slots[i] != Name(order[i])) return null;
        return Build(model, grams, order.Count, [.. Enumerable.Range(1, length)], readsSurrogates: true);
    }

    /// <summary>
    /// The scorer of a model whose training texts are not at hand (loaded from a file): the n-gram dictionary read off the
    /// feature column's slot names. N-grams with a surrogate cannot be named apart there, so the scorer declines text
    /// with one (<see cref="TryScore"/> declines it). Null when the model is not a maximum-entropy classifier.
    /// </summary>
    public static LinearTextScorer? FromSlotNames(ITransformer model, DataViewSchema input, string featureColumn)
    {
        var slots = SlotNames(model, input, featureColumn);
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        var lengths = new SortedSet<int>();
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Contains(Escaped, StringComparison.Ordinal)) continue;
            var gram = Gram(slots[i]);
            if (gram is null || !grams.TryAdd(gram, i)) return null; // a name read two ways: not the featurizer we know
            lengths.Add(gram.Length);
        }
        return Build(model, grams, slots.Count, [.. lengths], readsSurrogates: false);
    }

    // How the featurizer writes a character it has no plain name for (a surrogate): the same for every one.
    private const string Escaped = "\\u";

    private static List<string> SlotNames(ITransformer model, DataViewSchema input, string featureColumn)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(input)[featureColumn].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }

    private static LinearTextScorer? Build(ITransformer model, Dictionary<string, int> grams, int features, int[] lengths, bool readsSurrogates)
    {
        var last = model switch
        {
            TransformerChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>> chain => chain.LastTransformer,
            TransformerChain<ITransformer> chain => chain.LastTransformer as MulticlassPredictionTransformer<MaximumEntropyModelParameters>,
            _ => null,
        };
        if (last is null) return null;
        VBuffer<float>[] byClass = [];
        last.Model.GetWeights(ref byClass, out var classes);
        var biases = last.Model.GetBiases().ToArray();
        var weights = new float[features * classes];
        for (var k = 0; k < classes; k++)
        {
            var values = byClass[k].GetValues();
            var indices = byClass[k].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                var feature = byClass[k].IsDense ? i : indices[i];
                weights[feature * classes + k] = values[i];
            }
        }
        return new LinearTextScorer(grams, weights, biases, lengths, readsSurrogates);
    }

    /// <summary>
    /// The probability of each class for already compacted <paramref name="compact"/> text, or null when this scorer
    /// cannot read it exactly as the engine would (empty text; an emoji for a scorer built from slot names): the caller
    /// asks the engine then.
    /// </summary>
    public float[]? TryScore(string compact)
    {
        if (compact.Length == 0 || (!_readsEverything && HasUnnamed(compact))) return null;
        Span<char> framed = compact.Length <= 254 ? stackalloc char[compact.Length + 2] : new char[compact.Length + 2];
        framed[0] = Start;
        compact.AsSpan().CopyTo(framed[1..]);
        framed[^1] = End;

        // The known n-grams' features, sorted so that each one's count is its run: no dictionary, nothing on the heap.
        var most = framed.Length * _lengths.Length;
        Span<int> features = most <= 1024 ? stackalloc int[most] : new int[most];
        var count = 0;
        foreach (var n in _lengths)
            for (var i = 0; i + n <= framed.Length; i++)
                if (_grams.TryGetValue(framed.Slice(i, n), out var feature)) features[count++] = feature;
        features = features[..count];
        features.Sort();

        var norm = 0.0;
        for (var i = 0; i < count;)
        {
            var run = Run(features, i);
            norm += (double)run * run;
            i += run;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        var scores = (float[])_biases.Clone();
        for (var i = 0; i < count;)
        {
            var run = Run(features, i);
            var x = run * scale;
            AddScaled(scores, _weights.AsSpan(features[i] * _classes, _classes), x);
            i += run;
        }

        // Softmax, from the largest score for stability.
        var max = float.MinValue;
        foreach (var score in scores) max = Math.Max(max, score);
        var sum = 0.0;
        for (var k = 0; k < _classes; k++)
        {
            scores[k] = MathF.Exp(scores[k] - max);
            sum += scores[k];
        }
        for (var k = 0; k < _classes; k++) scores[k] = (float)(scores[k] / sum);
        return scores;
    }

    private static bool HasUnnamed(string text)
    {
        foreach (var c in text)
            if (char.IsSurrogate(c) || char.IsControl(c)) return true;
        return false;
    }

    // scores += row × x, a vector at a time.
    private static void AddScaled(Span<float> scores, ReadOnlySpan<float> row, float x)
    {
        var k = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            var scale = new System.Numerics.Vector<float>(x);
            for (; k + width <= scores.Length; k += width)
            {
                var sum = new System.Numerics.Vector<float>(scores[k..]) + new System.Numerics.Vector<float>(row[k..]) * scale;
                sum.CopyTo(scores[k..]);
            }
        }
        for (; k < scores.Length; k++) scores[k] += row[k] * x;
    }

    // How many times the feature at <paramref name="at"/> is there (sorted: a run of equal ones).
    private static int Run(ReadOnlySpan<int> sorted, int at)
    {
        var end = at + 1;
        while (end < sorted.Length && sorted[end] == sorted[at]) end++;
        return end - at;
    }

    // The characters of a slot name (the inverse of Name): tokens of one character or a marker, joined by '|' — which is
    // also the text's own clause break, so the name is read token by token, not split. Null when it is not such a name.
    private static string? Gram(string name)
    {
        var gram = new System.Text.StringBuilder(4);
        for (var at = 0; at < name.Length;)
        {
            if (gram.Length > 0)
            {
                if (name[at] != '|' || ++at >= name.Length) return null;
            }
            if (name.AsSpan(at).StartsWith("<␂>")) { gram.Append(Start); at += 3; }
            else if (name.AsSpan(at).StartsWith("<␃>")) { gram.Append(End); at += 3; }
            else if (name.AsSpan(at).StartsWith("<␠>")) { gram.Append(' '); at += 3; }
            else gram.Append(name[at++]);
        }
        return gram.ToString();
    }

    // How the featurizer names an n-gram: its characters joined by '|', the markers and a space written as symbols.
    private static string Name(string gram) => string.Join('|', gram.Select(c => c switch
    {
        Start => "<␂>",
        End => "<␃>",
        ' ' => "<␠>",
        _ => c.ToString(),
    }));
}
