using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Eval;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>The targets, over the evaluation set kept in knowledge/eval (separate from the guide's phrasings).</summary>
public sealed class GuideEvaluationTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    [Fact]
    public void EvaluationSet_IsLargeEnough()
    {
        var set = EvalSet.Load(GuideFiles.EvalQuestions);

        Assert.True(set.InScope.Count >= 150);
        Assert.True(set.OutOfScope.Count >= 50);
        Assert.All(set.InScope, q => Assert.NotNull(fixture.Knowledge.Find(q.ExpectedId)));
    }

    [Fact]
    public void WholeSet_MeetsTheTargets()
    {
        var report = new Evaluator(fixture.Knowledge).Run(EvalSet.Load(GuideFiles.EvalQuestions), DecisionPolicy.Default);

        Assert.True(report.Top1Rate >= 0.90, $"top-1 {report.Top1Rate:P1}");
        Assert.True(report.RejectionRate >= 0.90, $"out-of-scope not answered {report.RejectionRate:P1}");
        Assert.True(report.ConfidentWrongRate <= 0.03, $"confident-and-wrong {report.ConfidentWrongRate:P1}");
    }

    // The independently written set (issue #25): not its targets, which are not met (README), but the floor this
    // version reached on its held-out half, so that a change of content or thresholds that loses ground fails here.
    [Fact]
    public void IndependentSet_HeldOutHalf_KeepsWhatWasReached()
    {
        var report = new Evaluator(fixture.Knowledge).Run(EvalSet.Load(GuideFiles.IndependentEval).Test(), DecisionPolicy.Default);

        Assert.True(report.AnsweredRightRate >= 0.74, $"answered right in one message {report.AnsweredRightRate:P1}");
        Assert.True(report.ConfidentWrongRate <= 0.04, $"confident-and-wrong {report.ConfidentWrongRate:P1}");
        Assert.True(report.RejectionRate >= 0.95, $"out-of-scope not answered {report.RejectionRate:P1}");
    }

    [Fact]
    public void HeldOutTestHalf_MeetsTheTargets()
    {
        var report = new Evaluator(fixture.Knowledge).Run(EvalSet.Load(GuideFiles.EvalQuestions).Test(), DecisionPolicy.Default);

        Assert.True(report.MeetsTargets, $"top-1 {report.Top1Rate:P1}, rejection {report.RejectionRate:P1}, confident-wrong {report.ConfidentWrongRate:P1}");
    }
}
