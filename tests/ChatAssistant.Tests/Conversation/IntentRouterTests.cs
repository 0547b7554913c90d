using System.Text.RegularExpressions;
using ChatAssistant.Conversation.Routing;

namespace ChatAssistant.Tests.Conversation;

public sealed class IntentRouterTests
{
    private static readonly IntentRouter Router = new(
    [
        new Intent { Id = "book", FlowId = "booking", MenuTitle = "预约值班", MenuOrder = 40, Keywords = ["预约值班", "值班预约", "book a duty"], Patterns = [new Regex("(想|要).{0,8}去?值班")], MenuKeys = ["BOOKING"] },
        new Intent { Id = "mybook", FlowId = "mine", MenuTitle = "我的值班", MenuOrder = 50, Keywords = ["我的值班"] },
        new Intent { Id = "cancelbook", FlowId = "cancel", Keywords = ["取消值班", "取消预约"] },
        new Intent { Id = "guide", FlowId = "guide", MenuTitle = "志愿指南", MenuOrder = 10, Keywords = ["志愿指南"], MenuKeys = ["GUIDE"] },
    ]);

    [Theory]
    [InlineData("预约值班", "book")]
    [InlineData("我要 值班预约！", "book")]
    [InlineData("我想下周三下午去值班", "book")]
    [InlineData("BOOK A DUTY please", "book")]
    [InlineData("我的值班", "mybook")]
    [InlineData("取消值班", "cancelbook")]
    [InlineData("志愿指南", "guide")]
    [InlineData("預約值班", "book")] // traditional characters
    [InlineData("我想下週三下午去值班", "book")]
    [InlineData("取消預約", "cancelbook")]
    public void Match_picks_the_intent(string text, string expected) => Assert.Equal(expected, Router.Match(text)?.Intent.Id);

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("")]
    [InlineData("？？？")]
    public void Match_returns_null_for_anything_else(string text) => Assert.Null(Router.Match(text));

    // With the assistant's own intents: a keyword inside a question about how things work goes to the guide; the
    // user's own data, asked for, still starts the feature.
    [Theory]
    [InlineData("志愿时长怎么记录", null)]
    [InlineData("志愿时长是怎么算的", null)]
    [InlineData("我的时长怎么没有到账", null)]
    [InlineData("虚报志愿时长有什么后果", null)]
    [InlineData("志愿汇怎么绑定", null)]
    [InlineData("亲青老娘舅是什么", null)]
    [InlineData("求助会保密吗", null)]
    [InlineData("老娘舅能调解什么", null)]
    [InlineData("积分兑换需要什么条件？", null)]
    [InlineData("我的时长", "hours.mine")]
    [InlineData("志愿时长", "hours.mine")]
    [InlineData("我的积分有多少", "hours.points")]
    [InlineData("我的值班是什么时候", "booking.mine")]
    [InlineData("我的求助有回复吗", "disputes.mine")]
    [InlineData("我要求助可以吗", "disputes.request")]
    [InlineData("求助", "disputes.request")]
    [InlineData("可以取消值班吗", "booking.cancel")]
    [InlineData("取消值班可以吗", "booking.cancel")]
    [InlineData("能不能取消预约", "booking.cancel")]
    [InlineData("积分余额是多少？", "hours.points")]
    [InlineData("可以兑换积分吗", "hours.redeem")]
    [InlineData("能查一下值班记录吗", "booking.mine")]
    [InlineData("老娘舅能帮忙吗", "disputes.request")]
    // What a feature offers or costs is a question too, even with 可以 (before: the redemption flow started).
    [InlineData("积分兑换可以换什么", null)]
    [InlineData("积分兑换可以换哪些东西", null)]
    [InlineData("爱心超市兑换要多少积分", null)]
    [InlineData("我要兑换", "hours.redeem")]
    [InlineData("兑换", "hours.redeem")]
    public async Task A_question_about_how_a_feature_works_is_for_the_guide(string text, string? expected)
    {
        await using var bot = ChatAssistant.Tests.Support.BotHarness.Create();
        Assert.Equal(expected, bot.Get<IntentRouter>().Match(text)?.Intent.Id);
    }

    [Fact]
    public void The_menu_is_ordered_and_numbered_from_one()
    {
        Assert.Equal(["志愿指南", "预约值班", "我的值班"], Router.Menu.Select(i => i.MenuTitle));
        Assert.Equal("guide", Router.ByMenuNumber(1)?.Id);
        Assert.Equal("mybook", Router.ByMenuNumber(3)?.Id);
        Assert.Null(Router.ByMenuNumber(4));
        Assert.Null(Router.ByMenuNumber(0));
    }

    [Fact]
    public void Menu_keys_select_intents_case_insensitively()
    {
        Assert.Equal("book", Router.ByMenuKey("booking")?.Id);
        Assert.Null(Router.ByMenuKey("NOPE"));
    }

    [Fact]
    public void A_whole_message_keyword_beats_a_longer_partial_one()
    {
        var match = Router.Match("取消值班");
        Assert.Equal(1000, match!.Score);
    }

    // ChatBot no longer holds the router's thresholds: the match says whether it is a request by itself.
    [Theory]
    [InlineData("取消值班", true)] // the whole message is a keyword
    [InlineData("我想下周三下午去值班", true)] // a pattern in a short message
    [InlineData("那我想下周三下午去值班吧，如果还有空位的话谢谢", false)] // the same, in a long one
    [InlineData("我要 值班预约！", true)] // a four-character keyword in a short message
    public void A_match_says_whether_it_is_strong(string text, bool strong) => Assert.Equal(strong, Router.Match(text)!.IsStrong);

    [Fact]
    public void A_keyword_left_to_the_guide_says_which_question_word_left_it()
    {
        var left = Router.Read("预约值班需要什么条件").LeftToGuide;
        Assert.Equal(("什么", "book"), (left?.Cue, left?.Intent.Id));
        Assert.Null(Router.Read("预约值班").LeftToGuide);
        Assert.Null(Router.Read("今天天气怎么样").LeftToGuide);
    }

    [Fact]
    public void Registering_an_intent_twice_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new IntentRouter([new Intent { Id = "x", FlowId = "a" }, new Intent { Id = "x", FlowId = "b" }]));

    [Theory]
    [InlineData("取消", GlobalCommand.Cancel)]
    [InlineData("取消。", GlobalCommand.Cancel)]
    [InlineData("取消值班", GlobalCommand.None)]
    [InlineData("帮助", GlobalCommand.Help)]
    [InlineData("菜单", GlobalCommand.Help)]
    [InlineData("?", GlobalCommand.Help)]
    [InlineData("我要转人工", GlobalCommand.Human)]
    [InlineData("继续", GlobalCommand.Resume)]
    [InlineData("HELP", GlobalCommand.Help)]
    [InlineData("返回", GlobalCommand.Help)]
    [InlineData("返回主菜单", GlobalCommand.Help)]
    [InlineData("回到菜单", GlobalCommand.Help)]
    [InlineData("退出吧", GlobalCommand.Cancel)]
    [InlineData("不要了", GlobalCommand.Cancel)]
    [InlineData("算了吧", GlobalCommand.Cancel)]
    [InlineData("菜單", GlobalCommand.Help)]
    [InlineData("轉人工", GlobalCommand.Human)]
    [InlineData("繼續", GlobalCommand.Resume)]
    [InlineData("取消吧", GlobalCommand.Cancel)]
    [InlineData("回到主菜單", GlobalCommand.Help)]
    [InlineData("我要轉人工", GlobalCommand.Human)]
    [InlineData("退出注销", GlobalCommand.None)]
    [InlineData("吧", GlobalCommand.None)]
    public void Global_commands_are_whole_short_messages(string text, GlobalCommand expected) =>
        Assert.Equal(expected, GlobalCommands.Parse(text));
}
