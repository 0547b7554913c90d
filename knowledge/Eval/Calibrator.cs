using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>Chooses decision thresholds by a grid search on the development half only.</summary>
internal static class Calibrator
{
    public static DecisionPolicy Calibrate(Evaluator evaluator, EvalSet dev)
    {
        var best = DecisionPolicy.Default;
        var bestUtility = double.MinValue;
        for (var low = 0.10; low <= 0.70; low += 0.02)
        {
            for (var high = low; high <= 0.90; high += 0.02)
            {
                for (var close = 0.60; close <= 0.951; close += 0.05)
                {
                    var policy = new DecisionPolicy(Math.Round(low, 2), Math.Round(high, 2), Math.Round(close, 2));
                    var utility = Utility(evaluator.Run(dev, policy));
                    if (utility > bestUtility)
                    {
                        (best, bestUtility) = (policy, utility);
                    }
                }
            }
        }

        return best;
    }

    // A right answer is worth 1 and a useful clarification 0.5; a confident wrong answer costs 5 and an
    // out-of-scope question answered costs 3, because a wrong confident answer is worse than asking.
    private static double Utility(EvalReport r) =>
        r.AnsweredRight + (0.5 * r.ClarifyHit) - (5.0 * r.AnsweredWrong) - (3.0 * r.OutAnswered) - (0.3 * r.OutClarified);
}
