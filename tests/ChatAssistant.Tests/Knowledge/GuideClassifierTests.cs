using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Eval;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>
/// The second reader scores its model as plain arithmetic (<see cref="LinearTextScorer"/>): every probability must be
/// what ML.NET's prediction engine gives, for every question of both evaluation sets, the guide's own phrasings and
/// odd text (emoji, English, digits, a character the model never saw).
/// </summary>
public sealed class GuideClassifierTests
{
    [Fact]
    public void The_arithmetic_reads_every_question_as_the_engine_does()
    {
        var content = GuideLoader.Load(GuideFiles.RepositoryGuide);
        var reader = GuideClassifier.For(content);
        Assert.True(reader.ScoresDirectly, "the n-gram dictionary could not be rebuilt: the reader fell back to the engine");
        var questions = EvalSet.Load(GuideFiles.IndependentEval).InScope.Select(q => q.Text)
            .Concat(EvalSet.Load(GuideFiles.IndependentEval).OutOfScope.Select(q => q.Text))
            .Concat(EvalSet.Load(GuideFiles.EvalQuestions).InScope.Select(q => q.Text))
            .Concat(content.Entries.SelectMany(e => e.Questions).Take(300))
            .Concat(["🔪💊", "how do i sign up zyh", "2026年12月3日14:00", "齉龘靐", "a", "志愿汇志愿汇志愿汇志愿汇志愿汇志愿汇志愿汇志愿汇"])
            .ToList();
        Assert.True(questions.Count > 1000);
        var worst = 0f;
        foreach (var question in questions)
        {
            var engine = reader.ReadWithEngine(question);
            var direct = reader.Read(question);
            if (engine is null)
            {
                Assert.Null(direct);
                continue;
            }
            Assert.True(engine.Id == direct!.Id, $"{question}: engine {string.Join(" ", engine.Top(3))} direct {string.Join(" ", direct.Top(3))}");
            foreach (var (id, probability) in engine.Top(50)) worst = Math.Max(worst, Math.Abs(probability - direct.ProbabilityOf(id)));
        }
        Assert.True(worst < 1e-4f, $"largest difference {worst}");
    }
}
