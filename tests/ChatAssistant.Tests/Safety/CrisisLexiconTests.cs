using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// The reviewed lexicon, entry by entry (every entry's examples match it, its listed false positives do not, every
/// everyday phrase stays calm), and a table of hard cases for the whole check: ways of saying it that a substring
/// list missed, and everyday sentences holding a crisis word that must not raise the alarm.
/// </summary>
public sealed class CrisisLexiconTests
{
    private static CrisisClassifier Check => CrisisFiles.Classifier;

    private static CrisisLexicon Lexicon => Check.Lexicon;

    public static TheoryData<string, string> EntryExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in CrisisLexiconLoader.Load(CrisisFiles.Lexicon).Entries)
            foreach (var example in entry.Examples) data.Add(entry.Id, example);
        return data;
    }

    public static TheoryData<string, string> EntryFalsePositives()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in CrisisLexiconLoader.Load(CrisisFiles.Lexicon).Entries)
            foreach (var example in entry.Not) data.Add(entry.Id, example);
        return data;
    }

    public static TheoryData<string, string> EverydayExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var negative in CrisisLexiconLoader.Load(CrisisFiles.Lexicon).Negatives)
            foreach (var example in negative.Examples) data.Add(negative.Id, example);
        return data;
    }

    [Theory]
    [MemberData(nameof(EntryExamples))]
    public void Every_entry_matches_the_messages_it_was_reviewed_with(string entryId, string example)
    {
        var matched = Lexicon.MatchAll(Lexicon.MaskEveryday(SafetyText.Compact(example))).Select(e => e.Id).ToList();
        Assert.Contains(entryId, matched);
        var entry = Lexicon.Entries.Single(e => e.Id == entryId);
        // A crisis entry's example is a crisis for the whole check, whatever the model says.
        if (entry.Level == CrisisLevel.Crisis) Assert.Equal(CrisisLevel.Crisis, Check.Assess(example).Level);
    }

    [Theory]
    [MemberData(nameof(EntryFalsePositives))]
    public void No_entry_matches_the_false_positives_it_was_reviewed_with(string entryId, string example)
    {
        var matched = Lexicon.MatchAll(Lexicon.MaskEveryday(SafetyText.Compact(example))).Select(e => e.Id);
        Assert.DoesNotContain(entryId, matched);
    }

    [Theory]
    [MemberData(nameof(EverydayExamples))]
    public void Everyday_phrases_holding_a_crisis_word_never_raise_the_alarm(string negativeId, string example)
    {
        Assert.NotEqual(CrisisLevel.Crisis, Check.Assess(example).Level);
        Assert.Contains(CrisisLexicon.Mask, Lexicon.MaskEveryday(SafetyText.Compact(example)));
        Assert.False(string.IsNullOrEmpty(negativeId));
    }

    [Fact]
    public void Every_crisis_entry_has_a_category_and_at_least_one_true_positive()
    {
        foreach (var entry in Lexicon.Entries.Where(e => e.Level == CrisisLevel.Crisis))
        {
            Assert.NotNull(entry.Category);
            Assert.NotEmpty(entry.Examples);
        }
        Assert.All(Enum.GetValues<CrisisCategory>(), c => Assert.Contains(Lexicon.Entries, e => e.Level == CrisisLevel.Crisis && e.Category == c));
    }

    [Theory]
    // suicide or self-harm, said plainly, indirectly, in slang, typos, pinyin, English, emoji, Traditional
    [InlineData("我想去死", CrisisCategory.Suicide)]
    [InlineData("真的想去死了", CrisisCategory.Suicide)]
    [InlineData("活着太累，死了算了。", CrisisCategory.Suicide)]
    [InlineData("我不想活了", CrisisCategory.Suicide)]
    [InlineData("我 真的 不想活了……", CrisisCategory.Suicide)]
    [InlineData("我想上吊", CrisisCategory.Suicide)]
    [InlineData("昨晚割腕了", CrisisCategory.Suicide)]
    [InlineData("我已经写好遗书了", CrisisCategory.Suicide)]
    [InlineData("准备烧炭", CrisisCategory.Suicide)]
    [InlineData("想 跳 江", CrisisCategory.Suicide)]
    [InlineData("我偷偷吞药了", CrisisCategory.Suicide)]
    [InlineData("活不下去了，想跳樓", CrisisCategory.Suicide)]
    [InlineData("我想结束自己的生命", CrisisCategory.Suicide)]
    [InlineData("活着没意义，不如消失", CrisisCategory.Suicide)]
    [InlineData("我站在天台边上，下面好远", CrisisCategory.Suicide)]
    [InlineData("从十八楼下去应该很快吧", CrisisCategory.Suicide)]
    [InlineData("今天是我最后一次给你们发消息了", CrisisCategory.Suicide)]
    [InlineData("想zs", CrisisCategory.Suicide)]
    [InlineData("我好想s啊真的好想si", CrisisCategory.Suicide)]
    [InlineData("bxhl", CrisisCategory.Suicide)]
    [InlineData("I don't want to live anymore", CrisisCategory.Suicide)]
    [InlineData("i want to end my life tonight", CrisisCategory.Suicide)]
    [InlineData("又拿刀片划了手臂", CrisisCategory.Suicide)]
    [InlineData("我想自殺", CrisisCategory.Suicide)]
    [InlineData("有點想輕生", CrisisCategory.Suicide)]
    [InlineData("已经攒够安眠药了", CrisisCategory.Suicide)]
    [InlineData("人间不值得，我要去当星星了", CrisisCategory.Suicide)]
    // abuse or sexual violence
    [InlineData("他又對我家暴", CrisisCategory.Abuse)]
    [InlineData("我爸一喝酒就打我", CrisisCategory.Abuse)]
    [InlineData("后妈拿衣架抽我", CrisisCategory.Abuse)]
    [InlineData("继父晚上进我房间摸我", CrisisCategory.Abuse)]
    [InlineData("我被猥亵了不敢告诉别人", CrisisCategory.Abuse)]
    [InlineData("有个网友逼我发裸照", CrisisCategory.Abuse)]
    [InlineData("爸妈把我锁在阳台上一整晚", CrisisCategory.Abuse)]
    [InlineData("三天没给我饭吃了", CrisisCategory.Abuse)]
    [InlineData("我被强奸了", CrisisCategory.Abuse)]
    [InlineData("my stepdad hits me every night", CrisisCategory.Abuse)]
    // violence or a threat
    [InlineData("他说放学要弄死我", CrisisCategory.Violence)]
    [InlineData("几个同学拿刀逼我交钱", CrisisCategory.Violence)]
    [InlineData("被高年级的围殴了", CrisisCategory.Violence)]
    [InlineData("有人威胁要杀我全家", CrisisCategory.Violence)]
    [InlineData("一个陌生男的一直跟着我", CrisisCategory.Violence)]
    [InlineData("他们天天收我保护费", CrisisCategory.Violence)]
    [InlineData("我想杀了他们", CrisisCategory.Violence)]
    [InlineData("my address got posted online and people said they're coming", CrisisCategory.Violence)]
    // danger right now
    [InlineData("有人在撬我家的门", CrisisCategory.Danger)]
    [InlineData("室友吃了一瓶药叫不醒", CrisisCategory.Danger)]
    [InlineData("家里着火了", CrisisCategory.Danger)]
    [InlineData("救救我", CrisisCategory.Danger)]
    [InlineData("被困在电梯里出不去了", CrisisCategory.Danger)]
    [InlineData("半夜一个人在街上，没地方去", CrisisCategory.Danger)]
    [InlineData("网友约我见面，现在不让我走", CrisisCategory.Danger)]
    public void Hard_cases_that_are_a_crisis(string text, CrisisCategory expected)
    {
        var result = Check.Assess(text);
        Assert.True(result.IsCrisis, $"{text} → {result.Level} {result.Signal}");
        // The category staff see: the lexicon's when it decided; the model's best guess otherwise.
        if (result.Signal.StartsWith("lexicon:", StringComparison.Ordinal)) Assert.Equal(expected, result.Category);
    }

    [Theory]
    // everyday words holding 死, 杀, 打, 跳, 刀, 血, 药, 火…
    [InlineData("今天上班累死了")]
    [InlineData("笑死")]
    [InlineData("哈哈哈笑死我了")]
    [InlineData("饿死了，食堂几点开门")]
    [InlineData("热死了")]
    [InlineData("吓死我了，还以为报名没成功")]
    [InlineData("烦死了，时长怎么还没到账")]
    [InlineData("手机死机了")]
    [InlineData("这道题我跟它死磕")]
    [InlineData("好久没见想死你了")]
    [InlineData("他是我死党")]
    [InlineData("周五就是死线了")]
    [InlineData("商场跳楼价大甩卖")]
    [InlineData("我想跳槽")]
    [InlineData("晚上去广场跳舞")]
    [InlineData("双十一秒杀")]
    [InlineData("周末一起玩剧本杀")]
    [InlineData("电脑要杀毒了")]
    [InlineData("有事打我电话")]
    [InlineData("打我的手机")]
    [InlineData("工作人员可以打我手机联系")]
    [InlineData("别打我主意")]
    [InlineData("我妈刚给我打电话了")]
    [InlineData("下午去打篮球")]
    [InlineData("被打了一针疫苗")]
    [InlineData("刀削面好好吃")]
    [InlineData("今天去献血了")]
    [InlineData("去药店买感冒药")]
    [InlineData("火锅店人好多")]
    [InlineData("学校明天消防演练")]
    [InlineData("帮爷爷割草")]
    [InlineData("跳绳比赛拿了第一")]
    [InlineData("帮我跟踪一下快递")]
    [InlineData("我想绑定身份")]
    [InlineData("终于解脱了，考完试了")]
    [InlineData("历史课讲了战争的死亡人数")]
    [InlineData("我养的乌龟死了好难过")]
    [InlineData("这个球员的自杀式过人太帅了")]
    [InlineData("天台县团代表工作室在哪里")]
    [InlineData("周末去江边捡垃圾做志愿")]
    [InlineData("在楼顶帮忙晒被子")]
    [InlineData("抢红包抢到了五块")]
    [InlineData("演唱会的票被抢光了")]
    [InlineData("放学后去打工")]
    [InlineData("今天打卡了吗")]
    // everyday requests to this assistant
    [InlineData("我想报名志愿服务")]
    [InlineData("河边清洁活动在哪里集合")]
    [InlineData("怎么查我的志愿时长")]
    [InlineData("预约下周三下午两点值班")]
    [InlineData("爱心超市能换什么")]
    [InlineData("邻居装修太吵了想找人调解")]
    [InlineData("在吗")]
    [InlineData("谢谢你")]
    [InlineData("1")]
    [InlineData("是")]
    [InlineData("13800138000")]
    [InlineData("14至17岁")]
    [InlineData("在微信里回复我")]
    public void Hard_cases_that_are_not_a_crisis(string text)
    {
        var result = Check.Assess(text);
        Assert.False(result.IsCrisis, $"{text} → {result.Level} {result.Signal}");
    }

    [Fact]
    public void The_first_message_after_a_load_is_read_like_every_other()
    {
        // Before the warm-up, the first match on a fresh lexicon compiled its expressions inside the match timeout and
        // gave up: the first message after every start or reload went unread.
        var fresh = CrisisLexiconLoader.Load(CrisisFiles.Lexicon);
        var masked = fresh.MaskEveryday(SafetyText.Compact("我跟这道数学题死磕到底，真的不想活了"));
        Assert.Equal("not-want-to-live", fresh.Match(masked)?.Id);
    }

    [Fact]
    public void The_lexicon_shipped_in_the_program_is_the_reviewed_file()
    {
        var embedded = CrisisLexiconLoader.LoadEmbedded().Lexicon;
        Assert.Equal(Lexicon.Entries.Select(e => (e.Id, e.Patterns.Count)), embedded.Entries.Select(e => (e.Id, e.Patterns.Count)));
        Assert.Equal(Lexicon.Negatives.Select(n => n.Id), embedded.Negatives.Select(n => n.Id));
    }

    [Fact]
    public void A_broken_lexicon_file_is_refused_naming_every_problem()
    {
        using var dir = new Support.TempDirectory();
        var path = Path.Combine(dir.Path, CrisisLexiconLoader.FileName);
        File.WriteAllText(path, """
            entries:
              - {id: a, level: crisis, patterns: ['(unclosed'], examples: ['x']}
              - {id: a, level: loud, category: suicide, patterns: ['ok'], examples: []}
              - {id: b, level: crisis, category: sadness, patterns: ['.*'], examples: ['y']}
            """);
        var error = Assert.Throws<CrisisLexiconException>(() => CrisisLexiconLoader.Load(path));
        Assert.Contains(error.Errors, e => e.Contains("not a valid regular expression", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("needs a category", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("id used twice", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("level must be crisis or check", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("no examples", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("category must be", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("matches the mask character", StringComparison.Ordinal));
    }
}
