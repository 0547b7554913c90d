using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>
/// The decision over ranked entries: answer when the best entry is clearly right, clarify only when entries are close,
/// and never count an entry the question shares only question filler with (怎么样, 什么, 吗…).
/// </summary>
public sealed class DecisionPolicyTests(KnowledgeBaseFixture fixture) : IClassFixture<KnowledgeBaseFixture>
{
    private static readonly DecisionPolicy Policy = DecisionPolicy.Default;

    private static GuideEntry Entry(string id) => new(id, id, [], "", [], "", "");

    private static RankedMatches Ranked(params (string Id, double Normalized, double Content)[] entries) =>
        new(entries.Select(e => new ScoredEntry(Entry(e.Id), e.Normalized * 100, e.Normalized) { Content = e.Content }).ToList());

    [Fact]
    public void A_match_below_the_answer_line_far_ahead_of_the_next_is_answered()
    {
        // Below the answer line, but the runner-up is far behind: the best entry is clearly the one meant.
        var top = Policy.ClearAtLeast + 0.05;
        Assert.True(top < Policy.AnswerAtLeast);
        var result = Policy.Decide(Ranked(("a", top, top), ("b", top * Policy.ClearRatio * 0.9, 0.1)));
        Assert.Equal("a", Assert.IsType<GuideResult.Answer>(result).Entry.Id);
    }

    [Fact]
    public void A_weak_match_without_a_clear_lead_is_offered_with_the_next()
    {
        var top = Policy.ClearAtLeast + 0.05;
        var result = Policy.Decide(Ranked(("a", top, top), ("b", top * 0.8, 0.1), ("c", 0.05, 0.05)));
        Assert.Equal(["a", "b", "c"], Assert.IsType<GuideResult.Clarify>(result).Options.Select(o => o.Id));
        // Too weak for a lead to count: offered too.
        var weak = (Policy.NotSureBelow + Policy.ClearAtLeast) / 2;
        Assert.IsType<GuideResult.Clarify>(Policy.Decide(Ranked(("a", weak, weak), ("b", weak * 0.3, 0.1))));
    }

    [Fact]
    public void Two_close_entries_are_clarified_however_high_they_score()
    {
        var result = Policy.Decide(Ranked(("a", 1.20, 1.20), ("b", (1.20 * Policy.CloseRatio) + 0.001, 1.00), ("c", 0.30, 0.30)));
        Assert.Equal(["a", "b"], Assert.IsType<GuideResult.Clarify>(result).Options.Select(o => o.Id));
        // A runner-up outside the close band does not make a list of a strong match (「志愿汇怎么注册」).
        Assert.IsType<GuideResult.Answer>(Policy.Decide(Ranked(("a", 1.20, 1.20), ("b", 1.20 * Policy.CloseRatio * 0.9, 1.00))));
    }

    [Fact]
    public void Entries_matched_by_question_filler_alone_are_no_candidates()
    {
        // Before: 「今天天气怎么样」 got a list of two entries that only share 怎么样 with it.
        Assert.IsType<GuideResult.NotSure>(Policy.Decide(Ranked(("a", 0.32, 0), ("b", 0.31, 0))));
        // A filler-only runner-up does not make the real match look close either.
        var result = Policy.Decide(Ranked(("a", 0.90, 0.80), ("b", 0.89, 0)));
        Assert.Equal("a", Assert.IsType<GuideResult.Answer>(result).Entry.Id);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("怎么样")]
    [InlineData("可以吗？")]
    [InlineData("请问怎么办呢")]
    [InlineData("明天股票会涨吗")]
    [InlineData("周末去哪玩好呢")]
    public void A_question_sharing_only_filler_with_the_guide_is_not_sure(string question) =>
        Assert.IsType<GuideResult.NotSure>(fixture.Knowledge.Ask(question));

    [Theory]
    [InlineData("活动结束后时长怎么登记上去", "hours-how-recorded")]
    [InlineData("助手能干嘛", "assistant-what")]
    [InlineData("怎么成为志愿者啊", "vol-register")]
    [InlineData("爱心超市最贵的要几分", "love-supermarket")]
    // Whether what they tell is kept private (the help-request entry says it is encrypted): the reader's "not covered"
    // does not overrule a strong match, and the class is among its examples.
    [InlineData("你们会保密吗？", "assistant-help-request")]
    [InlineData("求助的内容会让我父母知道吗", "assistant-help-request")]
    [InlineData("我写的东西别人能看到吗", "assistant-help-request")]
    public void A_question_whose_best_entry_is_clearly_right_is_answered_directly(string question, string id) =>
        Assert.Equal(id, Assert.IsType<GuideResult.Answer>(fixture.Knowledge.Ask(question)).Entry.Id);

    [Fact]
    public void Filler_words_count_a_little_in_the_ranking_and_nothing_in_the_content_score()
    {
        var ranked = fixture.Knowledge.Rank("怎么样");
        Assert.NotEmpty(ranked.Entries); // they still rank (「三联三促是什么」 and 「…怎么做」 differ by them)
        Assert.All(ranked.Entries, e => Assert.Equal(0, e.Content));
    }

    // The second reader's rules, each on a made-up ranking and reading, so that each threshold is what decides.
    private static GuideReading Reading(params (string Id, float Probability)[] labels) =>
        new(labels.Select(l => l.Id).ToArray(), labels.Select(l => l.Probability).ToArray());

    [Fact]
    public void A_list_becomes_the_answer_the_reader_is_sure_of_among_the_entries_the_index_found()
    {
        var ranked = Ranked(("a", 0.5, 0.5), ("b", 0.48, 0.48), ("c", 0.3, 0.3));
        var list = Policy.Decide(ranked);
        Assert.IsType<GuideResult.Clarify>(list);

        var sure = Policy.Reconsider(list, ranked, Reading(("b", (float)Policy.ReaderConfirm), ("a", 0.1f), ("c", 0.05f)));
        Assert.Equal("b", Assert.IsType<GuideResult.Answer>(sure).Entry.Id);
        // Just as sure of an entry the index did not find by content words: the list stands (the reader always names something).
        var elsewhere = Ranked(("a", 0.5, 0.5), ("b", 0.48, 0.48), ("z", 0.3, 0));
        Assert.IsType<GuideResult.Clarify>(Policy.Reconsider(Policy.Decide(elsewhere), elsewhere, Reading(("z", 0.9f), ("a", 0.05f), ("b", 0.05f))));
        // Not sure enough, and sharing the list's probability: the list stands.
        Assert.IsType<GuideResult.Clarify>(Policy.Reconsider(list, ranked, Reading(("b", 0.45f), ("a", 0.4f), ("c", 0.15f))));
    }

    [Fact]
    public void An_answer_the_reader_contradicts_becomes_a_choice_of_the_two()
    {
        var ranked = Ranked(("a", 1.2, 1.2), ("b", 0.5, 0.5));
        var answer = Assert.IsType<GuideResult.Answer>(Policy.Decide(ranked));
        Assert.Equal("a", answer.Entry.Id);

        var vetoed = Policy.Reconsider(answer, ranked, Reading(("b", (float)Policy.ReaderVeto), ("a", 0.3f)));
        Assert.Equal(["a", "b"], Assert.IsType<GuideResult.Clarify>(vetoed).Options.Select(o => o.Id));
        Assert.Same(answer, Policy.Reconsider(answer, ranked, Reading(("a", 0.9f), ("b", 0.1f))));
    }

    [Fact]
    public void What_the_reader_calls_not_covered_is_not_answered_unless_the_index_match_is_strong()
    {
        // An answer from a clear lead below the answer line: the reader's "not covered" makes it "not sure".
        var top = Policy.ClearAtLeast + 0.05;
        var ranked = Ranked(("a", top, top), ("b", top * Policy.ClearRatio * 0.9, 0.1));
        var answer = Assert.IsType<GuideResult.Answer>(Policy.Decide(ranked));
        var rejected = Policy.Reconsider(answer, ranked, Reading((GuideClassifier.NotCovered, (float)Policy.ReaderRejects), ("a", 0.2f)));
        Assert.IsType<GuideResult.NotSure>(rejected);
        Assert.Same(answer, Policy.Reconsider(answer, ranked, Reading((GuideClassifier.NotCovered, 0.3f), ("a", 0.7f))));

        // A strong match (most of the question's words in the entry's phrasings) stands against it.
        var strong = Ranked(("a", Policy.AnswerAtLeast + 0.1, Policy.AnswerAtLeast + 0.1), ("b", 0.2, 0.2));
        var strongAnswer = Policy.Decide(strong);
        Assert.Same(strongAnswer, Policy.Reconsider(strongAnswer, strong, Reading((GuideClassifier.NotCovered, 0.9f), ("a", 0.05f))));
    }

    [Fact]
    public void A_policy_of_index_thresholds_alone_never_consults_the_reader()
    {
        var indexOnly = new DecisionPolicy(Policy.NotSureBelow, Policy.AnswerAtLeast, Policy.CloseRatio, Policy.ClearRatio, Policy.ClearAtLeast);
        var ranked = Ranked(("a", 0.5, 0.5), ("b", 0.48, 0.48));
        var list = indexOnly.Decide(ranked);
        Assert.Same(list, indexOnly.Reconsider(list, ranked, Reading(("b", 1f))));
    }
}
