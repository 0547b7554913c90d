namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// What the second reader (<see cref="GuideClassifier"/>) makes of one message: a probability per label (an entry id,
/// or <see cref="GuideClassifier.NotCovered"/>), the labels shared by every reading of one model.
/// </summary>
internal sealed class GuideReading
{
    private readonly string[] _labels;
    private readonly float[] _probabilities;

    public GuideReading(string[] labels, float[] probabilities)
    {
        _labels = labels;
        _probabilities = probabilities;
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
            if (probabilities[i] > probabilities[best]) best = i;
        Id = labels[best];
        Probability = probabilities[best];
    }

    /// <summary>The label read first.</summary>
    public string Id { get; }

    /// <summary>Its probability.</summary>
    public float Probability { get; }

    /// <summary>The <paramref name="count"/> most probable labels, most probable first.</summary>
    public IEnumerable<(string Id, float Probability)> Top(int count) =>
        _labels.Zip(_probabilities).OrderByDescending(x => x.Second).Take(count);

    /// <summary>The probability of <paramref name="id"/> (0 for a label the model does not have).</summary>
    public float ProbabilityOf(string id)
    {
        for (var i = 0; i < _labels.Length; i++)
            if (string.Equals(_labels[i], id, StringComparison.OrdinalIgnoreCase)) return _probabilities[i];
        return 0;
    }
}
