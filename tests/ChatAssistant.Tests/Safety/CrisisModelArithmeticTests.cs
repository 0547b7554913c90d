using ChatAssistant.Knowledge.Safety;
using ChatAssistant.Tests.Knowledge;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// The crisis model's members score as arithmetic (<see cref="ChatAssistant.Knowledge.Retrieval.LinearTextScorer"/>,
/// read off the shipped models' slot names): every probability must be what ML.NET's prediction engine gives, for every
/// message of the crisis evaluation sets as the model reads them, and for odd text.
/// </summary>
public sealed class CrisisModelArithmeticTests
{
    [Fact]
    public void Every_member_reads_every_message_as_the_engine_does()
    {
        var model = CrisisModel.Embedded;
        Assert.All(model.Members, m => Assert.True(m.ScoresDirectly, "a member fell back to the engine"));
        var eval = Path.GetDirectoryName(GuideFiles.IndependentEval)!;
        var lexicon = CrisisLexiconLoader.LoadEmbedded().Lexicon;
        var compact = Directory.GetFiles(eval, "crisis*.yaml").SelectMany(f => CrisisMessageSet.Load(f).Messages).Select(m => m.Text)
            .Concat(["", "a", "齉龘靐", "我|想|死", "||", "2026年12月3日", "hello world 想不开", "🔪💊我不想活了", "累死了，作业写不完"])
            .Select(SafetyText.Compact).ToList();
        // As the check reads them (everyday phrases masked), and as they are.
        var texts = compact.Select(lexicon.MaskEveryday).Concat(compact).ToList();
        Assert.Contains(texts, t => t.Contains(CrisisLexicon.Mask, StringComparison.Ordinal));
        Assert.True(texts.Count > 500);
        var worst = 0f;
        foreach (var member in model.Members)
            foreach (var text in texts)
            {
                var engine = new float[CrisisModel.Labels.Length];
                var direct = new float[CrisisModel.Labels.Length];
                member.AddEngineScores(text, engine);
                member.AddScores(text, direct);
                for (var i = 0; i < engine.Length; i++) worst = Math.Max(worst, Math.Abs(engine[i] - direct[i]));
            }
        Assert.True(worst < 1e-4f, $"largest difference {worst}");
    }
}
