using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>The console's published changes over the content files: replaced, added, retired, checked by the rules.</summary>
public sealed class GuideChangesTests
{
    private static GuideEntry Entry(string id, string title = "献血志愿者怎么报名", params string[] questions) =>
        new(id, title, questions.Length > 0 ? questions : ["献血志愿者怎么报名", "想去献血点做志愿者", "无偿献血志愿服务在哪报名", "献血屋志愿者招人吗", "献血志愿者要求"],
            "在志愿汇搜索“无偿献血”项目报名即可。", ["献血"], "团市委", "console.yaml");

    [Fact]
    public void A_changed_entry_replaces_the_files_one_a_new_one_is_added_and_a_retired_one_is_gone_with_its_examples()
    {
        var files = GuideLoader.Load(GuideFiles.RepositoryGuide);
        var register = files.Entries.Single(e => e.Id == "vol-register");
        var changed = register with { Questions = [.. register.Questions, "在哪里注册当志愿者呀"] };
        var changes = new GuideChanges([changed, Entry("blood-donation")], ["vol-realname"]);

        var content = GuideLoader.Load(GuideFiles.RepositoryGuide, null, changes);

        Assert.Contains("在哪里注册当志愿者呀", content.Entries.Single(e => e.Id == "vol-register").Questions);
        Assert.Equal(files.Entries.ToList().IndexOf(register), content.Entries.ToList().FindIndex(e => e.Id == "vol-register")); // in place
        Assert.Equal("blood-donation", content.Entries[^1].Id);
        Assert.DoesNotContain(content.Entries, e => e.Id == "vol-realname");
        Assert.DoesNotContain(content.Examples, x => x.EntryId == "vol-realname");
        Assert.Equal(files.Entries.Count, content.Entries.Count); // one added, one retired
    }

    [Fact]
    public void A_changed_entry_that_breaks_a_rule_is_an_error_of_the_console_naming_the_entry()
    {
        var error = Assert.Throws<GuideContentException>(() =>
            GuideLoader.Load(GuideFiles.RepositoryGuide, null, new GuideChanges([Entry("Bad Id", "", "只有一种问法")], [])));
        Assert.All(error.Errors, e => Assert.Equal((GuideChanges.File, "Bad Id"), (e.File, e.EntryId)));
        Assert.Contains(error.Errors, e => e.Message.Contains("编号", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("标题", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("至少要有 5 种问法", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_accept_every_entry_of_the_repositorys_guide_but_an_answer_too_long_for_one_message()
    {
        var entries = GuideLoader.Load(GuideFiles.RepositoryGuide).Entries;
        Assert.All(entries, e => Assert.Empty(GuideEntryRules.Problems(e)));
        Assert.Single(GuideEntryRules.Problems(entries[0] with { Answer = new string('答', GuideEntryRules.AnswerMax + 1) }));
    }

    [Fact]
    public void A_reload_reads_the_changes_again_and_the_guide_answers_with_them()
    {
        var canteen = Entry("canteen-card", "社区食堂饭卡补办", "社区食堂饭卡丢了怎么补办", "饭卡补办去哪里", "食堂饭卡挂失", "老年食堂饭卡丢了补卡", "社区食堂卡补办要带什么");
        var changes = GuideChanges.None;
        var guide = KnowledgeBase.Load(GuideFiles.RepositoryGuide, null, () => changes);
        Assert.IsType<GuideResult.NotSure>(guide.Ask("社区食堂的饭卡丢了去哪补办"));
        Assert.Empty(guide.Check(new GuideChanges([canteen], [])));

        changes = new GuideChanges([canteen], []);
        Assert.True(guide.Reload().Succeeded);
        Assert.Equal("canteen-card", Assert.IsType<GuideResult.Answer>(guide.Ask("社区食堂的饭卡丢了去哪补办")).Entry.Id);
        Assert.Contains(guide.FileEntries(), e => e.Id == "vol-register");
        Assert.DoesNotContain(guide.FileEntries(), e => e.Id == "canteen-card");
    }
}
