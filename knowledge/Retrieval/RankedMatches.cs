namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>The entries matching a query, best first (one score per entry: its best phrasing).</summary>
internal sealed record RankedMatches(IReadOnlyList<ScoredEntry> Entries)
{
    public static readonly RankedMatches Empty = new([]);
}
