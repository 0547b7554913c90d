namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>The entries matching a query, best first (one score per entry: its best phrasing).</summary>
internal sealed record RankedMatches(IReadOnlyList<ScoredEntry> Entries)
{
    public static readonly RankedMatches Empty = new([]);

    /// <summary>
    /// The entries the query shares content words with (not question filler alone), best first: the only ones an
    /// outcome may name, by the index or by the second reader.
    /// </summary>
    public IReadOnlyList<ScoredEntry> Candidates { get; } = Entries.Where(e => e.Content > 0).ToList();
}
