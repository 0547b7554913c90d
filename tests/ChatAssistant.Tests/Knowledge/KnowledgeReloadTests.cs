using ChatAssistant.Knowledge;

namespace ChatAssistant.Tests.Knowledge;

public sealed class KnowledgeReloadTests
{
    private const string NewEntry = """
        entries:
          - id: blood-donation
            title: 无偿献血志愿活动
            questions: [献血志愿者怎么报名, 无偿献血活动, 献血车在哪, 献血能算志愿时长吗, 献血点志愿服务]
            answer: 献血志愿活动在志愿汇发布，报名后按时到献血点。
            tags: [献血]
            source: 待工作人员确认
        """;

    [Fact]
    public void Reload_WithANewFile_ServesTheNewEntry()
    {
        using var dir = GuideFiles.CopyOfGuide();
        var knowledge = KnowledgeBase.Load(dir.Path);
        var before = knowledge.Entries.Count;
        dir.Write("extra.yaml", NewEntry);

        var result = knowledge.Reload();

        Assert.True(result.Succeeded);
        Assert.Equal(before + 1, result.EntryCount);
        Assert.Equal(before + 1, knowledge.Entries.Count);
        var answer = Assert.IsType<GuideResult.Answer>(knowledge.Ask("献血志愿者怎么报名"));
        Assert.Equal("blood-donation", answer.Entry.Id);
    }

    [Fact]
    public void Reload_WithBrokenContent_ReturnsTheErrorsAndKeepsServingTheOldIndex()
    {
        using var dir = GuideFiles.CopyOfGuide();
        var knowledge = KnowledgeBase.Load(dir.Path);
        var before = knowledge.Entries.Count;
        dir.Write("extra.yaml", NewEntry.Replace("    answer: 献血志愿活动在志愿汇发布，报名后按时到献血点。\n", "", StringComparison.Ordinal));

        var result = knowledge.Reload();

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("extra.yaml", error.File);
        Assert.Equal("blood-donation", error.EntryId);
        Assert.Equal(before, knowledge.Entries.Count);
        var answer = Assert.IsType<GuideResult.Answer>(knowledge.Ask("志愿汇怎么注册"));
        Assert.Equal("vol-register", answer.Entry.Id);
    }

    [Fact]
    public async Task Reload_WhileAnswering_NeverFailsAQuestion()
    {
        using var dir = GuideFiles.CopyOfGuide();
        var knowledge = KnowledgeBase.Load(dir.Path);
        using var stop = new CancellationTokenSource();
        var answered = 0;
        var askers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = knowledge.Ask("志愿汇怎么注册");
                Assert.Equal("vol-register", Assert.IsType<GuideResult.Answer>(result).Entry.Id);
                Interlocked.Increment(ref answered);
            }
        })).ToArray();

        // On a busy machine the askers may not have started yet: let them answer before reloading.
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref answered) > 0, TimeSpan.FromSeconds(60)), "the askers never ran");
        var beforeReloads = Volatile.Read(ref answered);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(knowledge.Reload().Succeeded);
        }

        // Asking goes on after the swaps (an asker that failed would have ended its loop with an exception).
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref answered) > beforeReloads, TimeSpan.FromSeconds(60)), "asking stopped after the reloads");
        stop.Cancel();
        await Task.WhenAll(askers);
    }
}
