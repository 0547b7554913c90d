using ChatAssistant.Knowledge;

namespace ChatAssistant.Tests.Knowledge;

public sealed class KnowledgeBaseTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    private readonly KnowledgeBase _knowledge = fixture.Knowledge;

    [Theory]
    [InlineData("志愿汇怎么注册", "vol-register")]
    [InlineData("团代表每年要驻室几次", "delegate-duty-rule")]
    [InlineData("三联三促是什么", "delegate-sanlian")]
    [InlineData("爱心超市可以换什么", "love-supermarket")]
    [InlineData("志願匯怎麼註冊", "vol-register")] // traditional characters
    [InlineData("團代表每年要駐室幾次", "delegate-duty-rule")]
    public void DirectQuestion_AnswersWithTheEntry(string question, string expectedId)
    {
        var answer = Assert.IsType<GuideResult.Answer>(_knowledge.Ask(question));

        Assert.Equal(expectedId, answer.Entry.Id);
        Assert.False(string.IsNullOrWhiteSpace(answer.Entry.Answer));
    }

    [Theory]
    // A bare word the index finds in several entries alike, where the second reader has no clear choice either
    // (「履职积分」 alone used to be here: the reader, taught by users' questions, now answers 履职积分怎么算).
    [InlineData("值班", "delegate-book", "delegate-my-duty")]
    [InlineData("时长", "hours-check", "hours-to-points")]
    public void VagueQuestion_BetweenCloseEntries_Clarifies(string question, string first, string second)
    {
        var clarify = Assert.IsType<GuideResult.Clarify>(_knowledge.Ask(question));

        Assert.InRange(clarify.Options.Count, 2, 3);
        Assert.Contains(clarify.Options, o => o.Id == first);
        Assert.Contains(clarify.Options, o => o.Id == second);
    }

    // The index alone finds 益币's two entries close and used to ask which; the second reader (GuideClassifier) puts
    // 「益币是什么」 first with a clear probability, so a bare name is answered with what it is.
    [Fact]
    public void A_bare_name_both_readers_put_first_is_answered()
    {
        var answer = Assert.IsType<GuideResult.Answer>(_knowledge.Ask("益币"));
        Assert.Equal("yibi-what", answer.Entry.Id);
    }

    // English synonyms are read as the Chinese words they stand for; the function words around them do not count.
    [Theory]
    [InlineData("register", "vol-register")]
    [InlineData("how do i sign up", "vol-register")]
    [InlineData("How to redeem points?", "points-redeem-here")]
    public void EnglishQuestion_FindsTheChineseEntry(string question, string expectedId)
    {
        var result = _knowledge.Ask(question);

        var first = result switch
        {
            GuideResult.Answer answer => answer.Entry.Id,
            GuideResult.Clarify clarify => clarify.Options[0].Id,
            _ => null,
        };
        Assert.Equal(expectedId, first);
    }

    [Theory]
    [InlineData("量子纠缠的数学推导")]
    [InlineData("asdfghjkl")]
    [InlineData("明天杭州下雨吗")]
    [InlineData("")]
    public void Nonsense_IsNotSure(string question)
    {
        Assert.IsType<GuideResult.NotSure>(_knowledge.Ask(question));
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("谢谢！")]
    [InlineData("拜拜~")]
    [InlineData("你是谁")]
    [InlineData("Hello")]
    [InlineData("who are you?")]
    [InlineData("你是誰")]
    public void Greetings_GetSmallTalk(string message)
    {
        var reply = Assert.IsType<GuideResult.SmallTalk>(_knowledge.Ask(message));

        Assert.False(string.IsNullOrWhiteSpace(reply.Reply));
    }

    [Fact]
    public void GreetingFollowedByAQuestion_AnswersTheQuestion()
    {
        var answer = Assert.IsType<GuideResult.Answer>(_knowledge.Ask("你好，请问志愿汇怎么注册"));

        Assert.Equal("vol-register", answer.Entry.Id);
    }

    [Fact]
    public void Find_ReturnsTheEntryById()
    {
        Assert.Equal("亲青老娘舅是什么", _knowledge.Find("qinqing-what")?.Title);
        Assert.Null(_knowledge.Find("no-such-entry"));
    }

    [Fact]
    public void Ask_FromManyThreadsAtOnce_GivesTheSameResultsAsSequentially()
    {
        string[] questions = ["志愿汇怎么注册", "履职积分", "你好", "量子纠缠", "益币能换什么", "值班没去会怎样"];
        var expected = questions.Select(q => Describe(_knowledge.Ask(q))).ToArray();

        var results = new string[questions.Length * 200];
        Parallel.For(0, results.Length, i => results[i] = Describe(_knowledge.Ask(questions[i % questions.Length])));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % questions.Length], results[i]);
        }
    }

    private static string Describe(GuideResult result) => result switch
    {
        GuideResult.Answer a => "A:" + a.Entry.Id,
        GuideResult.Clarify c => "C:" + string.Join(",", c.Options.Select(o => o.Id)),
        GuideResult.SmallTalk s => "S:" + s.Reply,
        _ => "N",
    };
}
