namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Thresholds that turn ranked matches into an outcome. Scores are normalised (top score over the
/// query's self-score) so the same numbers hold for short and long questions. An entry the query shares only
/// question filler with (怎么样, 什么, 吗…) is no candidate at all.
/// </summary>
/// <param name="NotSureBelow">Top normalised score under this: nothing matches well → NotSure.</param>
/// <param name="AnswerAtLeast">Top normalised score from this up is answered unless a runner-up is close.</param>
/// <param name="CloseRatio">A runner-up scoring at least this fraction of the top score is "close" → Clarify.</param>
/// <param name="ClearRatio">
/// Below <paramref name="AnswerAtLeast"/> (but from <paramref name="ClearAtLeast"/> up), the top entry is still answered
/// when the runner-up scores at most this fraction of it: the best entry is clearly the one meant, though the question
/// used words the guide does not.
/// </param>
/// <param name="ClearAtLeast">The lowest top normalised score a clear lead is answered at.</param>
public sealed record DecisionPolicy(double NotSureBelow, double AnswerAtLeast, double CloseRatio, double ClearRatio = 0, double ClearAtLeast = 0)
{
    /// <summary>
    /// The second reader's probability from which its first entry is answered when the index offers a list or is not
    /// sure, provided the index also found that entry by its content words (<see cref="Reconsider"/>).
    /// </summary>
    public double ReaderConfirm { get; init; } = Never;

    /// <summary>
    /// The lower probability that is enough when the second reader's first entry is also the index's first: two readers
    /// that work differently agreeing is evidence of its own.
    /// </summary>
    public double ReaderAgree { get; init; } = Never;

    /// <summary>
    /// The share of the listed entries' combined probability (by the second reader) from which the entry that has it is
    /// answered instead of the list…
    /// </summary>
    public double ReaderShortlist { get; init; } = Never;

    /// <summary>…provided the reader gives that entry at least this probability.</summary>
    public double ReaderShortlistFloor { get; init; } = Never;

    /// <summary>
    /// The second reader's probability from which its "the guide does not cover this" turns an answer or a list into
    /// "not sure" — unless the index's match is strong (from <see cref="AnswerAtLeast"/>): the reader has seen few ways
    /// of asking some covered things (「你们会保密吗」), and a question sharing most of its words with an entry's
    /// phrasings is that entry's.
    /// </summary>
    public double ReaderRejects { get; init; } = Never;

    /// <summary>
    /// The second reader's probability from which it overrules an index answer it disagrees with: the two entries are
    /// offered instead of one asserted (a confident wrong answer costs the user more than a choice).
    /// </summary>
    public double ReaderVeto { get; init; } = Never;

    /// <summary>A threshold no probability reaches: a policy built from the index's thresholds alone never consults the second reader.</summary>
    public const double Never = 2;

    /// <summary>How many entries a clarification offers at most.</summary>
    public const int MaxOptions = 3;

    /// <summary>How many of the index's entries the second reader chooses among (<see cref="ReaderShortlist"/>).</summary>
    public const int ShortlistLength = 5;

    /// <summary>Calibrated on the development half of knowledge/eval/guide-independent.yaml (see docs/KNOWLEDGE.md).</summary>
    public static DecisionPolicy Default { get; } = new(NotSureBelow: 0.36, AnswerAtLeast: 0.76, CloseRatio: 0.90, ClearRatio: 0.70, ClearAtLeast: 0.48)
    {
        ReaderConfirm = 0.75, ReaderAgree = 0.65, ReaderVeto = 0.50, ReaderRejects = 0.60, ReaderShortlist = 0.95, ReaderShortlistFloor = 0.05,
    };

    internal GuideResult Decide(RankedMatches ranked)
    {
        var candidates = ranked.Candidates;
        if (candidates.Count == 0 || candidates[0].Normalized < NotSureBelow)
        {
            return candidates.Count == 0 ? GuideResult.NotSure.Instance : new GuideResult.NotSure { Nearest = candidates[0].Entry };
        }

        var top = candidates[0];
        var close = candidates
            .TakeWhile(e => e.Score >= top.Score * CloseRatio)
            .Take(MaxOptions)
            .Select(e => e.Entry)
            .ToList();
        if (close.Count >= 2)
        {
            return new GuideResult.Clarify(close);
        }

        var runnerUp = candidates.Count > 1 ? candidates[1].Score : 0;
        if (top.Normalized >= AnswerAtLeast || (top.Normalized >= ClearAtLeast && runnerUp <= top.Score * ClearRatio))
        {
            return new GuideResult.Answer(top.Entry);
        }

        // A weak match without a clear lead: offer it with the next best instead of asserting it.
        var options = candidates.Take(MaxOptions).Select(e => e.Entry).ToList();
        return options.Count >= 2 ? new GuideResult.Clarify(options) : new GuideResult.Answer(top.Entry);
    }

    /// <summary>
    /// The index's outcome read again with the second reader's reading. Only an entry the index found by content words
    /// may be named (the reader always names some entry, even for questions the guide does not cover):
    /// <list type="bullet">
    /// <item>an answer or a list the reader calls "not covered" becomes "not sure", unless the index's match is strong;</item>
    /// <item>an answer the reader confidently gives to another entry becomes a choice of the two;</item>
    /// <item>a list or a "not sure" becomes the answer the reader is sure of (confirm), or shares with the index's first
    /// (agree), or gives nearly all of the first few entries' combined probability to (shortlist).</item>
    /// </list>
    /// </summary>
    internal GuideResult Reconsider(GuideResult result, RankedMatches ranked, GuideReading? reader)
    {
        var candidates = ranked.Candidates;
        if (reader is null || candidates.Count == 0) return result;
        var (id, probability) = (reader.Id, (double)reader.Probability);
        switch (result)
        {
            case GuideResult.Answer or GuideResult.Clarify when id == GuideClassifier.NotCovered && probability >= ReaderRejects
                                                                && candidates[0].Normalized < AnswerAtLeast:
                return new GuideResult.NotSure { Nearest = candidates[0].Entry };
            case GuideResult.Answer answer when probability >= ReaderVeto && !SameId(answer.Entry, id) && Candidate(candidates, id) is { } other:
                return new GuideResult.Clarify([answer.Entry, other]);
            case GuideResult.Clarify or GuideResult.NotSure when probability >= ReaderConfirm && Candidate(candidates, id) is { } entry:
                return new GuideResult.Answer(entry);
            case GuideResult.Clarify or GuideResult.NotSure when probability >= ReaderAgree && SameId(candidates[0].Entry, id):
                return new GuideResult.Answer(candidates[0].Entry);
            case GuideResult.Clarify or GuideResult.NotSure when Shortlisted(candidates, reader) is { } chosen:
                return new GuideResult.Answer(chosen);
            default:
                return result;
        }
    }

    // Among the index's first few candidates, the one the reader gives nearly all of their combined probability to (and
    // enough of its own): the index picked the right few, the reader tells which of them is meant.
    private GuideEntry? Shortlisted(IReadOnlyList<ScoredEntry> candidates, GuideReading reader)
    {
        GuideEntry? best = null;
        double bestProbability = 0, total = 0;
        for (var i = 0; i < candidates.Count && i < ShortlistLength; i++)
        {
            double p = reader.ProbabilityOf(candidates[i].Entry.Id);
            total += p;
            if (p > bestProbability) (best, bestProbability) = (candidates[i].Entry, p);
        }

        return best is not null && bestProbability >= ReaderShortlistFloor && bestProbability >= ReaderShortlist * total ? best : null;
    }

    private static bool SameId(GuideEntry entry, string id) => string.Equals(entry.Id, id, StringComparison.OrdinalIgnoreCase);

    private static GuideEntry? Candidate(IReadOnlyList<ScoredEntry> candidates, string id) =>
        candidates.FirstOrDefault(c => SameId(c.Entry, id))?.Entry;
}
