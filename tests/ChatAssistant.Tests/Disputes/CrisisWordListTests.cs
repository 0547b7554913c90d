using ChatAssistant.Disputes;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Disputes;

/// <summary>Common ways of saying it are caught by both the shipped file and the built-in list; everyday talk is not.</summary>
public sealed class CrisisWordListTests
{
    private static readonly string ShippedFile = Path.Combine(AppContext.BaseDirectory, "Disputes", "crisis-words.txt");

    private static CrisisWords Load(string file) => new(
        Options.Create(new DisputeOptions { CrisisWordsFile = file }),
        new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory },
        TimeProvider.System,
        NullLogger<CrisisWords>.Instance);

    // The shipped list, and the built-in one used when the file is missing.
    private static IEnumerable<CrisisWords> BothLists()
    {
        Assert.True(File.Exists(ShippedFile), ShippedFile);
        yield return Load(ShippedFile);
        var builtIn = Load(Path.Combine(Path.GetTempPath(), $"no-such-crisis-file-{Guid.NewGuid():N}.txt"));
        Assert.True(builtIn.Words.Count > 0);
        yield return builtIn;
    }

    [Theory]
    [InlineData("我想去死")]
    [InlineData("真的想去死了")]
    [InlineData("死了算了")]
    [InlineData("活着太累，死了算了。")]
    [InlineData("我不想活了")]
    [InlineData("我想上吊")]
    [InlineData("想割脉")]
    [InlineData("昨晚割腕了")]
    [InlineData("我已经写好遗书了")]
    [InlineData("准备烧炭")]
    [InlineData("想去跳河")]
    [InlineData("想 跳 江")]
    [InlineData("我偷偷吞药了")]
    [InlineData("攒了一瓶安眠药")]
    [InlineData("我想自杀")]
    [InlineData("想死")]
    [InlineData("我想自殺")] // traditional characters
    [InlineData("活不下去了，想跳樓")]
    [InlineData("他又對我家暴")]
    public void Common_ways_of_saying_it_are_caught_by_the_shipped_and_the_built_in_list(string text)
    {
        foreach (var words in BothLists()) Assert.True(words.Matches(text), text);
    }

    [Theory]
    [InlineData("今天上班累死了")]
    [InlineData("笑死")]
    [InlineData("哈哈哈笑死我了")]
    [InlineData("饿死了，食堂几点开门")]
    [InlineData("热死了")]
    [InlineData("吓死我了，还以为报名没成功")]
    [InlineData("烦死了，时长怎么还没到账")]
    [InlineData("手机死机了")]
    [InlineData("我想报名志愿服务")]
    [InlineData("河边清洁活动在哪里集合")]
    [InlineData("怎么查我的志愿时长")]
    public void Everyday_phrases_are_not_crisis(string text)
    {
        foreach (var words in BothLists()) Assert.False(words.Matches(text), text);
    }
}
