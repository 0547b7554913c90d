namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// What the second reader (<see cref="GuideClassifier"/>) makes of one message: a probability per label (an entry id,
/// or <see cref="GuideClassifier.NotCovered"/>), the labels shared by every reading of one model.
/// </summary>
internal sealed class GuideReading
{
    private readonly Labels _labels;
    private readonly float[] _probabilities;

    public GuideReading(Labels labels, float[] probabilities)
    {
        _labels = labels;
        _probabilities = probabilities;
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
            if (probabilities[i] > probabilities[best]) best = i;
        Id = labels.Names[best];
        Probability = probabilities[best];
    }

    /// <summary>A reading from labels given in the model's order (tests).</summary>
    public GuideReading(string[] labels, float[] probabilities) : this(new Labels(labels), probabilities)
    {
    }

    /// <summary>The label read first.</summary>
    public string Id { get; }

    /// <summary>Its probability.</summary>
    public float Probability { get; }

    /// <summary>The <paramref name="count"/> most probable labels, most probable first.</summary>
    public IEnumerable<(string Id, float Probability)> Top(int count) =>
        _labels.Names.Zip(_probabilities).OrderByDescending(x => x.Second).Take(count);

    /// <summary>The probability of <paramref name="id"/> (0 for a label the model does not have).</summary>
    public float ProbabilityOf(string id) => _labels.Index.TryGetValue(id, out var i) ? _probabilities[i] : 0;

    /// <summary>A model's labels in its order, and each one's place (looked up for every entry the index found).</summary>
    internal sealed class Labels(string[] names)
    {
        public string[] Names { get; } = names;

        public Dictionary<string, int> Index { get; } = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.OrdinalIgnoreCase);
    }
}
