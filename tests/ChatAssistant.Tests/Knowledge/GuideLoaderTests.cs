using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Tests.Knowledge;

public sealed class GuideLoaderTests
{
    private const string GoodEntry = """
          - id: good-entry
            title: 好的条目
            questions: [问题一, 问题二, 问题三, 问题四, 问题五]
            answer: 回答。
            tags: [测试]
            source: 待工作人员确认
        """;

    [Fact]
    public void RepositoryGuide_LoadsEveryEntryWithFiveQuestionsAndASource()
    {
        var content = GuideLoader.Load(GuideFiles.RepositoryGuide);

        Assert.InRange(content.Entries.Count, 35, 60);
        Assert.All(content.Entries, e =>
        {
            Assert.True(e.Questions.Count >= 5, e.Id);
            Assert.False(string.IsNullOrWhiteSpace(e.Source), e.Id);
            Assert.NotEmpty(e.Tags);
        });
        Assert.Contains(content.SmallTalk, s => s.Id == "greeting");
        Assert.Contains(content.Synonyms, g => g.Contains("益币") && g.Contains("爱心币"));
    }

    [Fact]
    public void Examples_AreReadUnderTheirEntry_AndNotCoveredMessagesApart_NotAsPhrasings()
    {
        using var dir = new TempDirectory();
        dir.Write("volunteer.yaml", "entries:\n" + GoodEntry);
        dir.Write("examples-a.yaml", """
            examples:
              - {q: "这个咋弄啊😂", id: good-entry, persona: student}
              - {q: "請問這個怎麼辦理", id: good-entry}
            """);
        dir.Write("not-covered-a.yaml", """
            not_covered:
              - {q: "明天嵊州下雨吗", persona: parent}
            """);

        var content = GuideLoader.Load(dir.Path);

        Assert.Equal(["这个咋弄啊😂", "請問這個怎麼辦理"], content.Examples.Select(x => x.Question));
        Assert.All(content.Examples, x => Assert.Equal("good-entry", x.EntryId));
        Assert.Equal(["明天嵊州下雨吗"], content.NotCovered);
        Assert.DoesNotContain("这个咋弄啊😂", Assert.Single(content.Entries).Questions);
    }

    [Fact]
    public void AnExampleUnderAnEntryTheGuideDoesNotHave_IsAnErrorNamingFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("volunteer.yaml", "entries:\n" + GoodEntry);
        dir.Write("examples-a.yaml", """
            examples:
              - {q: "这个咋弄", id: good-entry}
              - {q: "积分换啥", id: good-entyr}
              - {q: "", id: good-entry}
            """);

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains("examples-a.yaml:3 (entry 'good-entyr'): example '积分换啥' is filed under 'good-entyr', which the guide does not have", error.Message);
        Assert.Contains(error.Errors, e => e.File == "examples-a.yaml" && e.Line == 4);
    }

    [Fact]
    public void RepositoryGuide_HasExamplesUnderEveryEntry_AndMessagesItDoesNotCover()
    {
        var content = GuideLoader.Load(GuideFiles.RepositoryGuide);

        Assert.All(content.Entries, e => Assert.True(content.Examples.Count(x => x.EntryId == e.Id) >= 20, e.Id));
        Assert.True(content.NotCovered.Count >= 300);
    }

    [Fact]
    public void MissingAnswer_ErrorNamesFileEntryAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("volunteer.yaml", "entries:\n" + GoodEntry + """

          - id: broken-entry
            title: 缺回答
            questions: [一, 二, 三, 四, 五]
            tags: [测试]
            source: 待工作人员确认
        """);

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        var only = Assert.Single(error.Errors);
        Assert.Equal("volunteer.yaml", only.File);
        Assert.Equal("broken-entry", only.EntryId);
        Assert.Equal(8, only.Line);
        Assert.Contains("volunteer.yaml:8 (entry 'broken-entry'): missing 'answer'", error.Message);
    }

    [Fact]
    public void DuplicateIdAcrossFiles_NamesBothFiles()
    {
        using var dir = new TempDirectory();
        dir.Write("a.yaml", "entries:\n" + GoodEntry);
        dir.Write("b.yaml", "entries:\n" + GoodEntry);

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        var only = Assert.Single(error.Errors);
        Assert.Equal("b.yaml", only.File);
        Assert.Equal("good-entry", only.EntryId);
        Assert.Contains("already defined in a.yaml", only.Message);
    }

    [Theory]
    [InlineData("[一, 二, 三, 四]", "[测试]", "待工作人员确认", "", "'questions' needs at least 5")]
    [InlineData("[一, 二, 三, 四, 五]", "[]", "待工作人员确认", "", "'tags' needs at least 1")]
    [InlineData("[一, 二, 三, 四, 五]", "[测试]", "\"\"", "", "'source' must be non-empty")]
    [InlineData("[一, 二, 三, 四, 五]", "[测试]", "待工作人员确认", "answr: 拼错的键", "unknown key 'answr'")]
    [InlineData("[一, 一, 三, 四, 五]", "[测试]", "待工作人员确认", "", "questions contain duplicates")]
    public void InvalidEntry_IsRejectedNamingFileAndEntry(string questions, string tags, string source, string extra, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("entries.yaml", $"""
            entries:
              - id: bad-entry
                title: 标题
                questions: {questions}
                answer: 回答。
                tags: {tags}
                source: {source}
                {extra}
            """);

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        Assert.Contains(error.Errors, e => e.EntryId == "bad-entry" && e.File == "entries.yaml" && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void YamlSyntaxError_NamesFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("ok.yaml", "entries:\n" + GoodEntry);
        dir.Write("bad.yaml", "entries:\n  - id: x\n    title: 冒号: 多了一个\n    answer: y\n");

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        var only = Assert.Single(error.Errors);
        Assert.Equal("bad.yaml", only.File);
        Assert.Equal(3, only.Line);
        Assert.Contains("YAML syntax error", only.Message);
        Assert.Contains("bad.yaml:", error.Message);
    }

    [Fact]
    public void UnterminatedList_IsASyntaxErrorNamingTheFile()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.yaml", "entries:\n  - id: x\n    title: [未闭合\n");

        var error = Assert.Throws<GuideContentException>(() => GuideLoader.Load(dir.Path));

        Assert.Equal("bad.yaml", Assert.Single(error.Errors).File);
        Assert.Contains("YAML syntax error", error.Message);
    }

    [Fact]
    public void KnowledgeBaseLoad_OnBrokenContent_ThrowsTheContentException()
    {
        using var dir = new TempDirectory();
        dir.Write("entries.yaml", "entries:\n  - id: lonely\n");

        var error = Assert.Throws<GuideContentException>(() => KnowledgeBase.Load(dir.Path));

        Assert.All(error.Errors, e => Assert.Equal("lonely", e.EntryId));
        Assert.Contains(error.Errors, e => e.Message.Contains("missing 'answer'", StringComparison.Ordinal));
    }
}
