using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>An account's overlay over the shared guide: replaced, added and hidden entries; its errors named as overlay files.</summary>
public sealed class KnowledgeOverlayTests
{
    [Fact]
    public void Hiding_an_id_the_shared_guide_does_not_have_is_an_error_naming_the_overlay_file()
    {
        using var overlay = new TempDirectory();
        overlay.Write("hide.yaml", "hide: [no-such-entry]\n");

        var error = Assert.Throws<GuideContentException>(() => KnowledgeBase.Load(GuideFiles.RepositoryGuide, overlay.Path));

        var only = Assert.Single(error.Errors);
        Assert.Equal("overlay/hide.yaml", only.File);
        Assert.Equal("no-such-entry", only.EntryId);
    }

    [Fact]
    public void A_broken_overlay_entry_is_named_as_an_overlay_file_and_the_shared_guide_alone_still_loads()
    {
        using var overlay = new TempDirectory();
        overlay.Write("mine.yaml", "entries:\n  - id: too-few\n    title: 少\n    questions: [一, 二]\n    answer: 答\n    tags: [x]\n    source: s\n");

        var error = Assert.Throws<GuideContentException>(() => KnowledgeBase.Load(GuideFiles.RepositoryGuide, overlay.Path));

        Assert.All(error.Errors, e => Assert.Equal("overlay/mine.yaml", e.File));
        Assert.NotEmpty(KnowledgeBase.Load(GuideFiles.RepositoryGuide).Entries);
    }

    [Fact]
    public void An_overlay_replaces_by_id_adds_new_ids_and_hides_listed_ones_and_a_reload_rereads_it()
    {
        using var overlay = new TempDirectory();
        overlay.Write("hide.yaml", "hide: [yibi-what]\n");
        var shared = KnowledgeBase.Load(GuideFiles.RepositoryGuide);
        var mine = KnowledgeBase.Load(GuideFiles.RepositoryGuide, overlay.Path);

        Assert.Equal(shared.Entries.Count - 1, mine.Entries.Count);
        Assert.Null(mine.Find("yibi-what"));

        overlay.Write("extra.yaml", """
            entries:
              - id: love-supermarket
                title: 本地爱心超市
                questions: [爱心超市在哪里, 爱心超市可以换什么东西, 积分能兑换哪些物品, 爱心超市兑换档位, 多少积分可以换礼物]
                answer: 本地答案。
                tags: [爱心超市]
                source: 本地
            """);
        Assert.True(mine.Reload().Succeeded);
        Assert.Equal("本地答案。", mine.Find("love-supermarket")!.Answer);
        Assert.NotEqual("本地答案。", shared.Find("love-supermarket")!.Answer);
        Assert.Equal(shared.Entries.Count - 1, mine.Entries.Count);
    }
}
