using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>Runs an evaluation set through a knowledge base; rankings are cached so thresholds can be swept cheaply.</summary>
internal sealed class Evaluator
{
    private readonly KnowledgeBase _knowledge;
    private readonly Dictionary<string, RankedMatches> _ranks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GuideReading?> _readings = new(StringComparer.Ordinal);

    public Evaluator(KnowledgeBase knowledge) => _knowledge = knowledge;

    public List<string> Misses { get; } = [];

    public EvalReport Run(EvalSet set, DecisionPolicy policy, bool recordMisses = false)
    {
        int top1 = 0, right = 0, wrong = 0, clarifyHit = 0, clarifyMiss = 0, notSure = 0;
        foreach (var q in set.InScope)
        {
            var ranked = Rank(q.Text);
            if (ranked.Entries.Count > 0 && ranked.Entries[0].Entry.Id == q.ExpectedId)
            {
                top1++;
            }

            var result = _knowledge.Ask(q.Text, policy, Rank, Read);
            var hit = result switch
            {
                GuideResult.Answer a when a.Entry.Id == q.ExpectedId => ++right > 0,
                GuideResult.Answer => ++wrong < 0,
                GuideResult.Clarify c when c.Options.Any(o => o.Id == q.ExpectedId) => ++clarifyHit > 0,
                GuideResult.Clarify => ++clarifyMiss < 0,
                _ => ++notSure < 0,
            };
            if (recordMisses && !(hit && result is GuideResult.Answer))
            {
                Misses.Add($"[{(q.IsDev ? "dev" : "test")}] {q.Text} → expected {q.ExpectedId}, got {Describe(result)} (top {Describe(ranked)})");
            }
        }

        int outAnswered = 0, outClarified = 0;
        foreach (var q in set.OutOfScope)
        {
            var result = _knowledge.Ask(q.Text, policy, Rank, Read);
            if (result is GuideResult.Answer)
            {
                outAnswered++;
            }
            else if (result is GuideResult.Clarify)
            {
                outClarified++;
            }

            if (recordMisses && result is GuideResult.Answer or GuideResult.Clarify)
            {
                Misses.Add($"[{(q.IsDev ? "dev" : "test")}] out-of-scope {q.Text} → {Describe(result)} (top {Describe(Rank(q.Text))})");
            }
        }

        return new EvalReport(set.InScope.Count, top1, right, wrong, clarifyHit, clarifyMiss, notSure, set.OutOfScope.Count, outAnswered, outClarified);
    }

    private GuideReading? Read(string text)
    {
        if (!_readings.TryGetValue(text, out var reading))
        {
            reading = _knowledge.Classify(text);
            _readings[text] = reading;
        }

        return reading;
    }

    private RankedMatches Rank(string text)
    {
        if (!_ranks.TryGetValue(text, out var ranked))
        {
            ranked = _knowledge.Rank(text);
            _ranks[text] = ranked;
        }

        return ranked;
    }

    private static string Describe(GuideResult result) => result switch
    {
        GuideResult.Answer a => $"Answer({a.Entry.Id})",
        GuideResult.Clarify c => $"Clarify({string.Join(",", c.Options.Select(o => o.Id))})",
        GuideResult.SmallTalk => "SmallTalk",
        _ => "NotSure",
    };

    private static string Describe(RankedMatches ranked) =>
        string.Join(" ", ranked.Entries.Take(2).Select(e => $"{e.Entry.Id}:{e.Normalized:0.00}/{e.Score:0.0}"));
}
