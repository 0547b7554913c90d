namespace ChatAssistant.Knowledge.Retrieval;

/// <summary>
/// Thresholds that turn ranked matches into an outcome. Scores are normalised (top score over the
/// query's self-score) so the same numbers hold for short and long questions.
/// </summary>
/// <param name="NotSureBelow">Top normalised score under this: nothing matches well → NotSure.</param>
/// <param name="AnswerAtLeast">Top normalised score from this up may be answered; between the two bounds the user is asked to choose.</param>
/// <param name="CloseRatio">A runner-up scoring at least this fraction of the top score is "close" → Clarify.</param>
public sealed record DecisionPolicy(double NotSureBelow, double AnswerAtLeast, double CloseRatio)
{
    /// <summary>How many entries a clarification offers at most.</summary>
    public const int MaxOptions = 3;

    /// <summary>Calibrated on the development half of knowledge/eval/questions.yaml (see docs/KNOWLEDGE.md).</summary>
    public static DecisionPolicy Default { get; } = new(0.32, 0.56, 0.90);

    internal GuideResult Decide(RankedMatches ranked)
    {
        if (ranked.Entries.Count == 0 || ranked.Entries[0].Normalized < NotSureBelow)
        {
            return GuideResult.NotSure.Instance;
        }

        var top = ranked.Entries[0];
        var close = ranked.Entries
            .TakeWhile(e => e.Score >= top.Score * CloseRatio)
            .Take(MaxOptions)
            .Select(e => e.Entry)
            .ToList();
        if (close.Count >= 2)
        {
            return new GuideResult.Clarify(close);
        }

        if (top.Normalized < AnswerAtLeast)
        {
            // A weak single match: offer it with the next best instead of asserting it.
            var options = ranked.Entries.Take(MaxOptions).Select(e => e.Entry).ToList();
            return options.Count >= 2 ? new GuideResult.Clarify(options) : new GuideResult.Answer(top.Entry);
        }

        return new GuideResult.Answer(top.Entry);
    }
}
