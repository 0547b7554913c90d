using ChatAssistant.Booking;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Tests.Booking;

namespace ChatAssistant.Tests.Conversation;

/// <summary>
/// Issue item 4 over the WeChat endpoint: a list is answered by its options' words, synonyms and typos, by an age
/// inside a band, by a date or time inside a slot; answers that fit nothing ask again and keep what was answered.
/// </summary>
public sealed class ChoiceAnswersOverWeChatTests : FlowsOverWeChat
{
    [Fact]
    public async Task A_help_request_is_answered_in_words_and_the_ticket_keeps_the_options_they_named()
    {
        var chat = await GreetedAsync("oYouth001");
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        // Before the fix each of these was refused with 「请回复 1 到 N 之间的序号」.
        Assert.Contains(DisputeTexts.AskCounty, await chat.SayAsync("14到18岁"));
        Assert.Contains(DisputeTexts.AskCategory, await chat.SayAsync("天台"));
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("心里疏导")); // 理 typed as 里
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayAsync(Story));
        Assert.Contains(DisputeTexts.AskIdentity, await chat.SayAsync("微信"));
        Assert.Contains(DisputeTexts.AskName, await chat.SayAsync("不要匿名"));
        var summary = await chat.SayAsync("小林");
        Assert.Contains("类别：心理疏导\n地区：天台县\n年龄段：14至17岁", summary);
        Assert.Contains("联系方式：在微信里回复我\n称呼：小林", summary);
        Assert.Contains("已提交", await chat.SayAsync("是"));

        var ticket = Assert.Single(Tickets());
        Assert.Equal(("14至17岁", "天台县", "心理疏导", ContactMethod.WeChat, false), (ticket.AgeBand, ticket.County, ticket.Category, ticket.Contact, ticket.Anonymous));
        Assert.Equal(Story, Reveal(ticket, TicketFields.Description));
    }

    [Theory]
    [InlineData("16岁", "14至17岁")]
    [InlineData("我今年十二", "未满14岁")]
    [InlineData("20", "18至35岁")]
    public async Task An_age_picks_the_band_holding_it(string answer, string band)
    {
        var chat = await GreetedAsync("oYouth002");
        await chat.SayAsync("求助");
        await chat.SayAsync("是");
        var reply = await chat.SayAsync(answer);
        Assert.Contains(band == DisputeTexts.AgeUnder14 ? DisputeTexts.AskGuardian : DisputeTexts.AskCounty, reply);
        Assert.DoesNotContain("没找到对应的选项", reply);
    }

    [Fact]
    public async Task Answers_that_fit_no_option_show_the_options_again_and_the_help_request_keeps_its_story()
    {
        var chat = await GreetedAsync("oYouth003");
        await StartHelpRequestAsync(chat);
        Assert.Contains(DisputeTexts.AskDescription, await chat.SayAsync("1"));
        Assert.Contains(DisputeTexts.AskContactMethod, await chat.SayAsync(Story));
        Assert.Equal(FlowTexts.NoSuchOption(2), await chat.SayAsync("信鸽"));
        Assert.Equal(FlowTexts.NoSuchOption(2), await chat.SayAsync("写信给我"));
        // Before the fix the third miss discarded the request with the story; now the options come again.
        var again = await chat.SayAsync("随便");
        Assert.Equal(FlowTexts.AskingAgain(kept: true) + "\n\n" + DisputeTexts.AskContactMethod + "\n1. 在微信里回复我\n2. 打我的手机\n回复序号选择。", again);
        Assert.Contains(DisputeTexts.AskIdentity, await chat.SayAsync("微信就行"));
        Assert.Contains("描述：" + Story, await chat.SayAsync("匿名"));
        Assert.Contains("已提交", await chat.SayAsync("是"));
        var ticket = Assert.Single(Tickets());
        Assert.Equal(Story, Reveal(ticket, TicketFields.Description));
        Assert.Equal(("天台县", "纠纷调解"), (ticket.County, ticket.Category));
    }

    [Fact]
    public async Task A_time_picks_a_slot_from_the_list_and_a_date_picks_a_booking_to_cancel()
    {
        BindDelegate();
        var clock = Get<AssistantClock>();
        var chat = await GreetedAsync(Delegate);
        var list = await chat.SayAsync("预约值班");
        Assert.Contains("2. 11月28日(周六) 09:00-11:00 测试工作室（剩 1 个名额）", list);
        // Two slots on that day: the user is shown which two.
        Assert.Equal(FlowTexts.WhichOne("4. 12月2日(周三) 14:00-16:00 测试工作室（剩 1 个名额）\n5. 12月2日(周三) 16:00-18:00 测试工作室（剩 1 个名额）"),
            await chat.SayAsync("12月2日"));
        Assert.Contains("时间：11月28日(周六) 09:00-11:00", await chat.SayAsync("周六上午那个"));
        Assert.Contains("预约成功！11月28日(周六) 09:00-11:00", await chat.SayAsync("是"));

        var later = Book(BookingTestData.At(12, 5, 9));
        Assert.Contains("2. 12月5日(周六) 09:00-11:00 测试工作室", await chat.SayAsync("取消值班"));
        Assert.Contains(BookingTexts.CancelConfirm(clock, later), await chat.SayAsync("12月5日那个"));
        Assert.Contains("已取消 12月5日(周六) 09:00-11:00 的值班", await chat.SayAsync("是"));
        var left = Assert.Single(Get<BookingService>().Upcoming(DelegateMember));
        Assert.Equal(BookingTestData.At(11, 28, 9), left.Start);
    }

    [Fact]
    public async Task A_time_typed_at_the_slot_list_that_is_not_on_it_looks_for_that_time()
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        Assert.DoesNotContain("12月10日", await chat.SayAsync("预约值班"));
        var reply = await chat.SayAsync("12月10日下午两点");
        Assert.Contains("请确认值班预约：\n时间：12月10日(周四) 14:00-16:00", reply);
        Assert.Contains("预约成功！12月10日(周四) 14:00-16:00", await chat.SayAsync("好的"));
    }
}
