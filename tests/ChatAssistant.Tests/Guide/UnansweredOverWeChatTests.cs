using System.Text.Json;
using ChatAssistant.Guide;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Conversation;

namespace ChatAssistant.Tests.Guide;

/// <summary>
/// Issue #25 item 4, the chat's half, over the WeChat endpoint: every 「不太确定」, every list of topics the user takes
/// none of, and every 转人工 right after the guide's answer leaves the question for staff — masked, without the OpenID —
/// and nothing else does.
/// </summary>
public sealed class UnansweredOverWeChatTests : FlowsOverWeChat
{
    private const string User = "oUnansweredUser42";

    private IReadOnlyList<UnansweredQuestion> Stored() => Get<IRecordList<UnansweredQuestion>>().All();

    [Fact]
    public async Task A_question_the_guide_is_not_sure_of_is_kept_masked_and_without_the_user()
    {
        var chat = await GreetedAsync(User);
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync("我电话13812345678，社区食堂的饭卡丢了去哪补办"));

        var question = Assert.Single(Stored());
        Assert.Equal(UnansweredKinds.NotSure, question.Kind);
        Assert.Equal($"我电话{PersonalText.Phone}，社区食堂的饭卡丢了去哪补办", question.Text);
        Assert.Equal(ChatAssistant.Adapters.WeChat.WeChatAdapter.ChannelId, question.ChannelId);
        var stored = JsonSerializer.Serialize(question);
        Assert.DoesNotContain("13812345678", stored);
        Assert.DoesNotContain(User, stored);
        var group = Assert.Single(Get<UnansweredQuestions>().Groups());
        Assert.Equal(1, group.Count);
    }

    [Fact]
    public async Task Taking_none_of_the_offered_topics_keeps_the_question_and_says_what_to_do()
    {
        var chat = await GreetedAsync(User);
        Assert.StartsWith(GuideTexts.ClarifyHeading, await chat.SayAsync("时长"));
        Assert.Empty(Stored()); // a list is not yet a miss

        Assert.Equal(GuideTexts.NoneOfThem, await chat.SayAsync("都不是"));
        var question = Assert.Single(Stored());
        Assert.Equal((UnansweredKinds.ClarifyRefused, "时长"), (question.Kind, question.Text));

        // Another question instead of a number: the first is kept too, and the new one is answered as usual.
        Assert.StartsWith(GuideTexts.ClarifyHeading, await chat.SayAsync("值班"));
        var next = await chat.SayAsync("怎么注册志愿者");
        Assert.Contains("志愿汇", next);
        Assert.Contains(Stored(), q => q.Kind == UnansweredKinds.ClarifyRefused && q.Text == "值班");
    }

    [Fact]
    public async Task Asking_for_a_person_right_after_an_answer_keeps_the_question_with_its_entry_and_only_then()
    {
        var chat = await GreetedAsync(User);
        Assert.Contains("志愿汇", await chat.SayAsync("怎么注册志愿者"));
        Assert.Empty(Stored()); // an answer is no miss

        await chat.SayAsync("转人工");
        var question = Assert.Single(Stored());
        Assert.Equal((UnansweredKinds.HandoffAfterAnswer, "怎么注册志愿者", "vol-register"), (question.Kind, question.Text, question.Nearest));
    }

    [Fact]
    public async Task An_answer_followed_by_something_else_and_then_a_person_is_not_a_miss_of_the_answer()
    {
        var chat = await GreetedAsync(User);
        Assert.Contains("志愿汇", await chat.SayAsync("怎么注册志愿者"));
        await chat.SayAsync("谢谢");
        await chat.SayAsync("转人工");
        Assert.DoesNotContain(Stored(), q => q.Kind == UnansweredKinds.HandoffAfterAnswer);
    }
}
