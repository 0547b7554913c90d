namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>An entry and its score for one query; <see cref="Normalized"/> is the score over the query's self-score.</summary>
internal sealed record ScoredEntry(GuideEntry Entry, double Score, double Normalized);
