namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// An entry and its score for one query; <see cref="Normalized"/> is the score over the query's self-score, and
/// <see cref="Content"/> the part of it that the query's content terms (not question filler) make, normalised alike.
/// </summary>
internal sealed record ScoredEntry(GuideEntry Entry, double Score, double Normalized)
{
    public double Content { get; init; } = Normalized;
}
