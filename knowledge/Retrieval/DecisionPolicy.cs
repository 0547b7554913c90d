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
    /// <summary>How many entries a clarification offers at most.</summary>
    public const int MaxOptions = 3;

    /// <summary>Calibrated on the development half of knowledge/eval/guide-independent.yaml (see docs/KNOWLEDGE.md).</summary>
    public static DecisionPolicy Default { get; } = new(NotSureBelow: 0.30, AnswerAtLeast: 0.78, CloseRatio: 0.95, ClearRatio: 0.70, ClearAtLeast: 0.50);

    internal GuideResult Decide(RankedMatches ranked)
    {
        var candidates = ranked.Entries.Where(e => e.Content > 0).ToList();
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
}
