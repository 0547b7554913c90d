using ChatAssistant.Booking;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Disputes;
using ChatAssistant.Tests.Booking;

namespace ChatAssistant.Tests.Conversation;

/// <summary>
/// The minors of the same pass over the WeChat endpoint: everyday ways of saying no at a confirm step mean no, and a
/// bare menu number long after the menu asks before starting a flow that would take the next message.
/// </summary>
public sealed class ShortAnswersOverWeChatTests : FlowsOverWeChat
{
    [Fact]
    public async Task Everyday_ways_of_saying_no_at_a_confirm_step_mean_no()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        Assert.Contains(FlowTexts.ConfirmFooter, await chat.SayAsync("预约值班 12月3日14:00-16:00"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不要了"));
        Assert.Contains(FlowTexts.ConfirmFooter, await chat.SayAsync("预约值班 12月3日14:00-16:00"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("算了，不约了"));
        Assert.Empty(Get<BookingService>().Upcoming(DelegateMember));

        Book(BookingTestData.At(12, 5, 9));
        await chat.SayAsync("取消值班");
        Assert.Contains("确定取消", await chat.SayAsync("1"));
        Assert.Equal(FlowTexts.NotConfirmed, await chat.SayAsync("不取消了"));
        Assert.Single(Get<BookingService>().Upcoming(DelegateMember));
    }

    [Theory]
    [InlineData("不办了")]
    [InlineData("先不用了，谢谢")]
    [InlineData("还是算了")]
    public async Task Declining_a_help_requests_consent_in_everyday_words_gives_the_hotlines(string no)
    {
        var chat = await GreetedAsync("oYouth020");
        Assert.Contains("我们会收集", await chat.SayAsync("求助"));
        // Before the fix 「不办了」 was the global 取消, which names no hotline, and the others were not understood.
        Assert.Equal(DisputeTexts.ConsentRefused, await chat.SayAsync(no));
        Assert.Empty(Tickets());
    }

    [Fact]
    public async Task A_bare_menu_number_long_after_the_menu_asks_before_starting_and_the_next_message_is_not_swallowed()
    {
        var help = (Get<IntentRouter>().Menu.ToList().FindIndex(i => i.Id == "disputes.request") + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var chat = await GreetedAsync("oYouth021");
        // Right after the menu a number picks from it.
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync(help));
        Assert.Contains(FlowTexts.Cancelled(DisputeTexts.FlowTitle), await chat.SayAsync("取消"));

        // Later, the same number is asked about, and a message that is no 是 is read as itself.
        Assert.Equal(ConversationTexts.MenuNumberMeant(help, DisputeTexts.FlowTitle), await chat.SayAsync(help));
        var next = await chat.SayAsync("志愿者怎么注册");
        Assert.DoesNotContain(DisputeTexts.Intro, next);
        Assert.DoesNotContain("回复「是」或「否」", next);
        Assert.Contains("注册", next);

        Assert.Equal(ConversationTexts.MenuNumberMeant(help, DisputeTexts.FlowTitle), await chat.SayAsync(help));
        Assert.Equal(ConversationTexts.MenuNumberDeclined, await chat.SayAsync("不是"));
        Assert.Equal(ConversationTexts.MenuNumberMeant(help, DisputeTexts.FlowTitle), await chat.SayAsync(help));
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("是的"));
    }
}
