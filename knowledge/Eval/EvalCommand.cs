using System.Diagnostics;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>The "eval" command: prints the evaluation figures, per analysis profile with --compare.</summary>
internal static class EvalCommand
{
    public static int Run(string file, string directory, bool compare, bool calibrate, bool verbose, TextWriter output)
    {
        var set = EvalSet.Load(file);
        output.WriteLine($"guide: {directory}");
        output.WriteLine($"eval:  {file} — {set.InScope.Count} in-scope ({set.Dev().InScope.Count} dev / {set.Test().InScope.Count} test), {set.OutOfScope.Count} out-of-scope ({set.Dev().OutOfScope.Count} dev / {set.Test().OutOfScope.Count} test)");
        output.WriteLine();

        if (compare)
        {
            output.WriteLine("| analysis | split | top-1 | answered right | clarify (hit) | not sure | confident-wrong | out-of-scope not answered (clarified) | thresholds (calibrated on dev) | build ms |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var profile in Enum.GetValues<AnalysisProfile>())
            {
                var watch = Stopwatch.StartNew();
                var knowledge = KnowledgeBase.Load(directory, profile, DecisionPolicy.Default);
                var buildMs = watch.ElapsedMilliseconds;
                var evaluator = new Evaluator(knowledge);
                var policy = Calibrator.Calibrate(evaluator, set.Dev());
                foreach (var (name, split) in new[] { ("test", set.Test()), ("all", set) })
                {
                    var r = evaluator.Run(split, policy);
                    output.WriteLine($"| {profile} | {name} | {r.Top1Rate:P1} | {r.AnsweredRightRate:P1} | {r.ClarifyHitRate:P1} | {r.NotSureRate:P1} | {r.ConfidentWrongRate:P1} | {r.RejectionRate:P1} ({r.OutClarified}) | {Format(policy)} | {buildMs} |");
                }
            }

            output.WriteLine();
        }

        var chosen = KnowledgeBase.Load(directory);
        var chosenEvaluator = new Evaluator(chosen);
        var thresholds = DecisionPolicy.Default;
        if (calibrate)
        {
            thresholds = Calibrator.Calibrate(chosenEvaluator, set.Dev());
            output.WriteLine($"calibrated on dev for {KnowledgeBase.DefaultProfile}: {Format(thresholds)} (DecisionPolicy.Default is {Format(DecisionPolicy.Default)})");
        }

        output.WriteLine($"analysis {KnowledgeBase.DefaultProfile}, thresholds {Format(thresholds)}");
        foreach (var (name, split) in new[] { ("dev", set.Dev()), ("test (held out)", set.Test()), ("all", set) })
        {
            Print(output, name, chosenEvaluator.Run(split, thresholds));
        }

        var all = chosenEvaluator.Run(set, thresholds, recordMisses: verbose);
        foreach (var miss in chosenEvaluator.Misses)
        {
            output.WriteLine("  " + miss);
        }

        output.WriteLine(all.MeetsTargets ? "targets met (top-1 ≥ 90 %, out-of-scope not answered ≥ 90 %, confident-and-wrong ≤ 3 %)" : "TARGETS NOT MET");
        return all.MeetsTargets ? 0 : 2;
    }

    private static void Print(TextWriter output, string name, EvalReport r)
    {
        output.WriteLine($"[{name}]");
        output.WriteLine($"  in scope: {r.InScope}  top-1 accuracy {r.Top1Rate:P1}  answered right {r.AnsweredRightRate:P1}  clarify incl. right {r.ClarifyHitRate:P1}  clarify without it {(double)r.ClarifyMiss / r.InScope:P1}  not sure {r.NotSureRate:P1}");
        output.WriteLine($"  confident-and-wrong {r.ConfidentWrongRate:P1} of in-scope ({r.AnsweredWrong}); incl. out-of-scope answered {r.OverallConfidentWrongRate:P1} of all");
        output.WriteLine($"  out of scope: {r.OutOfScope}  not answered as in scope {r.RejectionRate:P1}  (answered {r.OutAnswered}, clarified {r.OutClarified})");
    }

    private static string Format(DecisionPolicy p) => $"not-sure<{p.NotSureBelow:0.00} answer≥{p.AnswerAtLeast:0.00} close≥{p.CloseRatio:0.00} clear≤{p.ClearRatio:0.00} from {p.ClearAtLeast:0.00}, reader confirms≥{p.ReaderConfirm:0.00} agrees≥{p.ReaderAgree:0.00} vetoes≥{p.ReaderVeto:0.00} rejects≥{p.ReaderRejects:0.00} shortlist≥{p.ReaderShortlist:0.00} (from {p.ReaderShortlistFloor:0.00})";
}
