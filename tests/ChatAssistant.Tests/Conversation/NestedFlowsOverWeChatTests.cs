using ChatAssistant.Booking;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Disputes;
using ChatAssistant.Identity;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Booking;

namespace ChatAssistant.Tests.Conversation;

/// <summary>
/// Issue item 8 over the WeChat endpoint: another request inside a flow interrupts it (asking first when it holds
/// answers) and the flow comes back; a question is answered in place; the crisis check still comes first.
/// </summary>
public sealed class NestedFlowsOverWeChatTests : FlowsOverWeChat
{
    [Fact]
    public async Task A_booking_request_inside_cancelling_a_duty_books_and_the_cancel_list_comes_back()
    {
        BindDelegate();
        Book(BookingTestData.At(12, 5, 9));
        var chat = await GreetedAsync(Delegate);
        Assert.Contains("1. 12月5日(周六) 09:00-11:00 测试工作室", await chat.SayAsync("取消值班"));
        // Before the fix: 「请回复 1 到 1 之间的序号」, a wrong answer counted against 取消值班.
        var asked = await chat.SayAsync("预约下周四下午三点");
        Assert.Contains("请确认值班预约：\n时间：12月3日(周四) 14:00-16:00", asked);
        Assert.DoesNotContain("序号", asked);
        var booked = await chat.SayAsync("是");
        Assert.Contains("预约成功！12月3日(周四) 14:00-16:00", booked);
        Assert.Contains(FlowTexts.Resuming(BookingTexts.CancelTitle), booked);
        Assert.Contains(BookingTexts.CancelHeading + "\n1. 12月3日(周四) 14:00-16:00 测试工作室\n2. 12月5日(周六) 09:00-11:00 测试工作室", booked);
        Assert.Equal(FlowTexts.Cancelled(BookingTexts.CancelTitle), await chat.SayAsync("取消"));
        Assert.Equal(2, Get<BookingService>().Upcoming(DelegateMember).Count);
    }

    [Fact]
    public async Task Asking_how_many_duties_are_left_at_the_slot_list_answers_and_the_list_comes_back()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        Assert.Contains(BookingTexts.ChooseHeading, await chat.SayAsync("预约值班"));
        var answer = await chat.SayAsync("我还要值几次班");
        Assert.Contains("你目前没有待值班的预约。", answer);
        Assert.Contains(FlowTexts.Resuming(BookingTexts.BookTitle), answer);
        Assert.Contains(BookingTexts.ChooseHeading + "\n1. 11月26日(周四) 14:00-16:00", answer);
        Assert.DoesNotContain("没找到对应的选项", answer);
        Assert.Contains("请确认值班预约：\n时间：11月26日(周四) 14:00-16:00", await chat.SayAsync("1"));
    }

    [Fact]
    public async Task Another_request_while_a_help_request_holds_answers_asks_first_and_the_request_goes_on_after()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        await StartHelpRequestAsync(chat);

        var ask = await chat.SayAsync("预约下周四下午三点");
        Assert.Equal(ConversationTexts.PutDown(DisputeTexts.FlowTitle), ask);
        Assert.StartsWith("要先放下「求助·亲青老娘舅」去做新的事吗？", ask);
        Assert.Equal(FlowTexts.Resuming(DisputeTexts.FlowTitle) + "\n\n" + CategoryList, await chat.SayAsync("否"));

        Assert.Equal(ConversationTexts.PutDown(DisputeTexts.FlowTitle), await chat.SayAsync("我要预约值班"));
        Assert.Contains("请确认值班预约：\n时间：11月26日(周四) 14:00-16:00", await chat.SayAsync("是") + await chat.SayAsync("1"));
        var booked = await chat.SayAsync("确认预约");
        Assert.Contains("预约成功！11月26日(周四) 14:00-16:00", booked);
        Assert.EndsWith(FlowTexts.Resuming(DisputeTexts.FlowTitle) + "\n\n" + CategoryList, booked);

        // Asking for the request again goes on where it was rather than starting over.
        Assert.Equal(FlowTexts.StillRunning(DisputeTexts.FlowTitle) + "\n\n" + CategoryList, await chat.SayAsync("求助"));
        // Words that would start a help request answer the running one's question instead.
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("我要爱心帮扶"));
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayAsync(Story));
        await chat.SayAsync("1");
        await chat.SayAsync("1");
        Assert.Contains("已提交", await chat.SayAsync("是"));
        var ticket = Assert.Single(Tickets());
        Assert.Equal(("14至17岁", "天台县", "爱心帮扶"), (ticket.AgeBand, ticket.County, ticket.Category));
        Assert.Single(Get<BookingService>().Upcoming(DelegateMember));
    }

    [Fact]
    public async Task Cancelling_the_request_taken_up_on_top_goes_back_to_the_help_request_with_its_answers()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        await StartHelpRequestAsync(chat);
        await chat.SayAsync("预约值班");
        Assert.Contains(BookingTexts.ChooseHeading, await chat.SayAsync("是"));
        Assert.Equal(FlowTexts.CancelledAndResuming(BookingTexts.BookTitle, DisputeTexts.FlowTitle) + "\n\n" + CategoryList, await chat.SayAsync("取消"));
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("2"));
    }

    [Fact]
    public async Task Questions_inside_a_flow_are_answered_in_place_and_the_flow_goes_on()
    {
        var chat = await GreetedAsync("oYouth010");
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("2"));

        // Before the fix: 「请回复 1 到 5 之间的序号」.
        var privacy = await chat.SayAsync("你们会保密吗？");
        Assert.Contains("加密保存", privacy);
        Assert.EndsWith(FlowTexts.Resuming(DisputeTexts.FlowTitle) + "\n\n" + CountyList, privacy);
        var points = await chat.SayAsync("我的积分");
        Assert.Contains(IdentityTexts.NotBound(RosterKind.Volunteer), points);
        Assert.EndsWith(FlowTexts.Resuming(DisputeTexts.FlowTitle) + "\n\n" + CountyList, points);
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("三门"));
    }

    [Fact]
    public async Task Questions_the_guide_cannot_answer_between_answers_are_not_taken_for_two_misunderstandings_in_a_row()
    {
        var chat = await GreetedAsync("oYouth012");
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        await chat.SayAsync("是");
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("2"));
        var first = await chat.SayAsync("量子计算机多少钱？");
        Assert.Contains(ChatAssistant.Guide.GuideTexts.NotSure, first);
        Assert.EndsWith(CountyList, first);
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("天台"));
        // The answer in between was understood: this is not a second misunderstanding in a row, so no hand-off.
        var second = await chat.SayAsync("火箭一公斤燃料多少钱？");
        Assert.Contains(ChatAssistant.Guide.GuideTexts.NotSure, second);
        Assert.EndsWith(CategoryList, second);
        Assert.DoesNotContain("人工服务", second);
    }

    [Fact]
    public async Task A_crisis_inside_a_list_is_still_answered_first()
    {
        var chat = await GreetedAsync("oYouth011");
        await StartHelpRequestAsync(chat);
        var reply = await chat.SayAsync("我不想活了");
        Assert.Contains(SafetyTexts.CrisisReply, reply);
        Assert.DoesNotContain("没找到对应的选项", reply);
        Assert.DoesNotContain("要先放下", reply);
    }

    private static string CategoryList => DisputeTexts.AskCategory + "\n1. 纠纷调解\n2. 心理疏导\n3. 爱心帮扶\n4. 权益维护\n回复序号选择。";

    private static string CountyList => DisputeTexts.AskCounty + "\n1. 临海市\n2. 天台县\n3. 仙居县\n4. 三门县\n5. 其他地区\n" + DisputeTexts.CountyFooter;
}
