using ChatAssistant.Booking;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Guide;
using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Knowledge;
using ChatAssistant.Tests.Hours;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Conversation;

/// <summary>
/// Issue #25 items 1 and 2 over the WeChat endpoint (now Thu 2026-11-26 10:00 Beijing; the studio opens Tue/Thu 14–16,
/// Wed 14–18, Sat 09–11): a question about a feature gets the guide's answer and the feature as an offer — or how to
/// bind, for a user who cannot use it yet — never the flow nor 「请先绑定」; a command still starts its flow; a bound
/// delegate's message that names only a time books; plain questions whose best entry is clearly right are answered
/// directly, and one the guide shares only question words with is not sure.
/// </summary>
public sealed class RoutingOverWeChatTests : FlowsOverWeChat
{
    private const string Volunteer = "oRouteVolunteer";
    private const string Unbound = "oRouteNobody";

    private string Answer(string entryId, string? then = null) => GuideTexts.Answer(Get<KnowledgeBase>().Find(entryId)!.Answer, then);

    private async Task<WeChatChat> VolunteerAsync()
    {
        var identity = Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV501,志愿者甲,天台县\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync(Volunteer, identity.IssueCode(RosterKind.Volunteer, "V501").Code)).Status);
        var rows = Enumerable.Range(1, 10).Select(i => $"R5{i:00},V501,图书馆整理,天台团县委,2026-11-{i + 10:00},09:00,11:00,2").ToArray();
        Assert.True(Get<HoursImporter>().Import(new StringReader(HoursKit.Csv(rows)), "tester", ChatAssistant.Staff.StaffScope.Everything).Ok);
        return await GreetedAsync(Volunteer);
    }

    [Theory]
    [InlineData("益币能不能换东西", "yibi-exchange")]
    [InlineData("用益币换东西去哪换", "yibi-exchange")]
    public async Task A_bound_volunteer_asking_about_redeeming_gets_the_answer_and_the_offer_not_the_flow(string question, string entryId)
    {
        var volunteer = await VolunteerAsync();
        var reply = await volunteer.SayAsync(question);
        // Before: the guide's answer alone (or, earlier, the redemption list).
        Assert.Equal(Answer(entryId, HoursTexts.RedeemOffer), reply);
        Assert.DoesNotContain(HoursTexts.CatalogueHeading(20), reply);
        // Taking the offer up starts the flow.
        Assert.Contains(HoursTexts.CatalogueHeading(20), await volunteer.SayAsync("兑换"));
    }

    [Theory]
    [InlineData("爱心存折的分可以兑些什么")]
    [InlineData("爱心超市最贵的要几分")]
    [InlineData("拿存折上的分去换，能换到哪些")]
    [InlineData("我攒的爱心积分可以换成什么东西")]
    public async Task A_question_about_what_the_supermarket_has_is_answered_not_started(string question)
    {
        var volunteer = await VolunteerAsync();
        var reply = await volunteer.SayAsync(question);
        // The entry's answer already says 「回复“兑换”」: no second offer, and no list of items yet.
        Assert.Equal(Answer("love-supermarket"), reply);
        Assert.DoesNotContain(HoursTexts.CatalogueHeading(20), reply);
    }

    // 「积分兑换可以换什么」 names the redeeming (在这里怎么兑换积分) as much as what can be had (爱心超市能换什么): the
    // two readers disagree, so the user is offered both, the supermarket first, and still no flow starts.
    [Fact]
    public async Task A_question_naming_both_redeeming_and_what_it_buys_offers_both_and_starts_nothing()
    {
        var volunteer = await VolunteerAsync();
        var reply = await volunteer.SayAsync("积分兑换可以换什么");
        Assert.StartsWith(GuideTexts.ClarifyHeading, reply);
        var lines = reply.Split('\n');
        Assert.Contains(lines, l => l.EndsWith(". " + Get<KnowledgeBase>().Find("love-supermarket")!.Title, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(". " + Get<KnowledgeBase>().Find("points-redeem-here")!.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(HoursTexts.CatalogueHeading(20), reply);
    }

    [Theory]
    [InlineData("益币能不能换东西", "yibi-exchange")]
    [InlineData("爱心存折的分可以兑些什么", "love-supermarket")]
    [InlineData("爱心超市最贵的要几分", "love-supermarket")]
    public async Task An_unbound_user_asking_about_redeeming_gets_the_answer_and_how_to_bind(string question, string entryId)
    {
        var chat = await GreetedAsync(Unbound);
        var reply = await chat.SayAsync(question);
        Assert.Equal(Answer(entryId, IdentityTexts.BindToUse(RosterKind.Volunteer, "兑换")), reply);
        Assert.DoesNotContain(IdentityTexts.NotBound(RosterKind.Volunteer), reply); // not the flow's "bind first"
    }

    [Fact]
    public async Task An_unbound_user_asking_about_points_or_duty_gets_how_to_bind_for_that_role()
    {
        var chat = await GreetedAsync(Unbound);
        Assert.Equal(Answer("points-check", IdentityTexts.BindToUse(RosterKind.Volunteer, "查积分")), await chat.SayAsync("查积分要怎么弄"));
        Assert.Equal(Answer("delegate-duty-rule", IdentityTexts.BindToUse(RosterKind.Delegate, "预约值班")), await chat.SayAsync("团代表一年要驻室多少次"));
    }

    [Theory]
    [InlineData("兑换")]
    [InlineData("我要兑换")]
    [InlineData("我想用存折积分换个东西")]
    public async Task A_command_still_starts_its_flow(string command)
    {
        var volunteer = await VolunteerAsync();
        Assert.StartsWith(HoursTexts.CatalogueHeading(20), await volunteer.SayAsync(command));
        // Unbound, the same command is the flow's "bind first".
        var chat = await GreetedAsync(Unbound);
        Assert.Equal(IdentityTexts.NotBound(RosterKind.Volunteer), await chat.SayAsync(command));
    }

    [Fact]
    public async Task My_points_and_booking_commands_start_their_flows()
    {
        var volunteer = await VolunteerAsync();
        Assert.Contains("现在可用 20 分", await volunteer.SayAsync("我的积分"));
        BindDelegate();
        var delegateChat = await GreetedAsync(Delegate);
        Assert.StartsWith(BookingTexts.ChooseHeading, await delegateChat.SayAsync("预约值班"));
    }

    [Theory]
    [InlineData("周六上午九点", "11月28日(周六) 09:00-11:00")]
    [InlineData("12月3日14:00-16:00", "12月3日(周四) 14:00-16:00")]
    [InlineData("下周二下午两点可以吗", "12月1日(周二) 14:00-16:00")]
    [InlineData("next Wednesday 3pm", "12月2日(周三) 14:00-16:00")]
    [InlineData("周四下午吧", "11月26日(周四) 14:00-16:00")]
    public async Task A_bound_delegate_naming_only_a_time_books_it(string message, string slot)
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        // Before: 「不太确定」 or a list of guide topics.
        Assert.StartsWith(BookingTexts.Confirm(Get<ChatAssistant.Conversation.Time.AssistantClock>(), Slot(slot)), await chat.SayAsync(message));
        Assert.Contains("预约成功！" + slot, await chat.SayAsync("是"));
    }

    [Theory]
    [InlineData("大后天下午三点行吗", "11月29日(周日) 15:00")]
    [InlineData("周日上午九点", "11月29日(周日) 09:00")]
    public async Task A_bound_delegate_naming_a_time_the_studio_is_closed_hears_so_with_the_nearest_slots(string message, string when)
    {
        BindDelegate();
        var chat = await GreetedAsync(Delegate);
        var reply = await chat.SayAsync(message);
        Assert.StartsWith(BookingTexts.NoSlotThen(when) + BookingTexts.NearestHeading, reply);
        Assert.Contains("12月1日(周二) 14:00-16:00", reply);
    }

    [Theory]
    [InlineData(Volunteer)]
    [InlineData(Unbound)]
    public async Task A_time_from_someone_who_is_no_delegate_is_not_a_booking(string openId)
    {
        var chat = openId == Volunteer ? await VolunteerAsync() : await GreetedAsync(openId);
        var reply = await chat.SayAsync("周六上午九点");
        Assert.DoesNotContain("请确认值班预约", reply);
        Assert.DoesNotContain(BookingTexts.ChooseHeading, reply);
        Assert.DoesNotContain(IdentityTexts.NotBound(RosterKind.Delegate), reply);
    }

    [Fact]
    public async Task A_delegate_asking_when_something_is_or_cancelling_a_named_duty_is_not_booked()
    {
        BindDelegate();
        Book(ChatAssistant.Tests.Booking.BookingTestData.At(12, 3, 14));
        var chat = await GreetedAsync(Delegate);
        Assert.DoesNotContain("请确认值班预约", await chat.SayAsync("12月3日的询问会几点开始"));
        var cancel = await chat.SayAsync("取消我12月3日下午的值班");
        Assert.Contains(BookingTexts.CancelHeading, cancel);
        Assert.DoesNotContain("请确认值班预约", cancel);
    }

    [Theory]
    [InlineData("活动结束后时长怎么登记上去", "hours-how-recorded")]
    [InlineData("助手能干嘛", "assistant-what")]
    [InlineData("怎么成为志愿者啊", "vol-register")]
    [InlineData("志愿汇怎么注册", "vol-register")]
    [InlineData("三联三促是什么", "delegate-sanlian")]
    public async Task A_question_whose_best_entry_is_clearly_right_is_answered_directly(string question, string entryId)
    {
        var chat = await GreetedAsync(Unbound);
        // Before: 「你是想问」 lists for some, 「不太确定」 for others.
        Assert.Equal(Answer(entryId), await chat.SayAsync(question));
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("周末去哪玩好呢")]
    public async Task A_question_sharing_only_question_words_with_the_guide_is_not_sure(string question)
    {
        var chat = await GreetedAsync(Unbound);
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync(question));
    }

    private SlotAvailability Slot(string label)
    {
        var clock = Get<ChatAssistant.Conversation.Time.AssistantClock>();
        var booking = Get<BookingService>();
        return booking.SlotsBetween(clock.Now, booking.Horizon).Single(s => BookingTexts.Label(clock, s).StartsWith(label, StringComparison.Ordinal));
    }
}
