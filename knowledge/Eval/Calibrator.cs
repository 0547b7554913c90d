using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>Chooses decision thresholds by a grid search on the development half only.</summary>
internal static class Calibrator
{
    public static DecisionPolicy Calibrate(Evaluator evaluator, EvalSet dev)
    {
        var best = DecisionPolicy.Default;
        var bestUtility = double.MinValue;
        // Two entries are "close" only within 15 % of each other: a wider band made a list of the plainest questions
        // (「志愿汇怎么注册」 against 邻舍+'s joining at 77 %).
        for (var low = 0.16; low <= 0.50; low += 0.02)
        {
            for (var clearAt = low; clearAt <= 0.70; clearAt += 0.04)
            {
                for (var high = clearAt; high <= 1.10; high += 0.04)
                {
                    for (var close = 0.85; close <= 0.951; close += 0.05)
                    {
                        for (var clear = 0.40; clear <= 0.801; clear += 0.05)
                        {
                            var policy = new DecisionPolicy(Math.Round(low, 2), Math.Round(high, 2), Math.Round(close, 2), Math.Round(clear, 2), Math.Round(clearAt, 2));
                            var utility = Utility(evaluator.Run(dev, policy));
                            if (utility > bestUtility)
                            {
                                (best, bestUtility) = (policy, utility);
                            }
                        }
                    }
                }
            }
        }

        return best;
    }

    // A right answer is worth 1 and a useful clarification 0.25 (the figure that counts is the right answer in one
    // message; a list costs the user another); a confident wrong answer costs 5 and an out-of-scope question
    // answered costs 3, because a wrong confident answer is worse than asking.
    private static double Utility(EvalReport r) =>
        r.AnsweredRight + (0.25 * r.ClarifyHit) - (5.0 * r.AnsweredWrong) - (3.0 * r.OutAnswered) - (0.3 * r.OutClarified);
}
