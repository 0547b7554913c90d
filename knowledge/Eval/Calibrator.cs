using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>Chooses decision thresholds by a grid search on the development half only.</summary>
internal static class Calibrator
{
    public static DecisionPolicy Calibrate(Evaluator evaluator, EvalSet dev)
    {
        // The index's thresholds and the second reader's are searched in turn, each with the other held (a joint grid
        // of seven parameters is too large to run), twice: the reader's rules change which lists the index may offer.
        var best = DecisionPolicy.Default;
        for (var round = 0; round < 2; round++)
        {
            best = CalibrateReader(evaluator, dev, best);
            best = CalibrateIndex(evaluator, dev, best);
        }

        return best;
    }

    private static DecisionPolicy CalibrateReader(Evaluator evaluator, EvalSet dev, DecisionPolicy start)
    {
        var best = start;
        var bestUtility = Utility(evaluator.Run(dev, start));
        for (var confirm = 0.30; confirm <= 1.001; confirm += 0.05)
        {
            foreach (var veto in new[] { 0.50, 0.60, 0.70, 0.80, 0.90, DecisionPolicy.Never })
            {
                for (var agree = 0.10; agree <= confirm + 0.001; agree += 0.05)
                {
                    var policy = start with { ReaderConfirm = Math.Round(confirm, 2), ReaderVeto = veto, ReaderAgree = Math.Round(agree, 2) };
                    var utility = Utility(evaluator.Run(dev, policy));
                    if (utility > bestUtility) (best, bestUtility) = (policy, utility);
                }
            }
        }

        var withRules = best;
        foreach (var share in new[] { 0.60, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, DecisionPolicy.Never })
        {
            foreach (var floor in new[] { 0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40 })
            {
                var policy = withRules with { ReaderShortlist = share, ReaderShortlistFloor = floor };
                var utility = Utility(evaluator.Run(dev, policy));
                if (utility > bestUtility) (best, bestUtility) = (policy, utility);
            }
        }

        foreach (var rejects in new[] { 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, DecisionPolicy.Never })
        {
            var policy = best with { ReaderRejects = rejects };
            var utility = Utility(evaluator.Run(dev, policy));
            if (utility > bestUtility) (best, bestUtility) = (policy, utility);
        }

        return best;
    }

    private static DecisionPolicy CalibrateIndex(Evaluator evaluator, EvalSet dev, DecisionPolicy start)
    {
        var best = start;
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
                            var policy = start with
                            {
                                NotSureBelow = Math.Round(low, 2), AnswerAtLeast = Math.Round(high, 2), CloseRatio = Math.Round(close, 2),
                                ClearRatio = Math.Round(clear, 2), ClearAtLeast = Math.Round(clearAt, 2),
                            };
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
    // message; a list costs the user another); a confident wrong answer costs 5, and so does an out-of-scope question
    // answered (it is a wrong answer too: with the second reader the out-of-scope questions answered were the first
    // target to slip), because a wrong confident answer is worse than asking.
    private static double Utility(EvalReport r) =>
        r.AnsweredRight + (0.25 * r.ClarifyHit) - (5.0 * r.AnsweredWrong) - (5.0 * r.OutAnswered) - (0.3 * r.OutClarified);
}
