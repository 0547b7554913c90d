using ChatAssistant.Conversation.Routing;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Conversation;

/// <summary>Pinyin initials of the assistant's own words are read as the words by the router, and nothing else is.</summary>
public sealed class PinyinInitialsTests
{
    [Theory]
    [InlineData("wd sc", "我的 时长")]
    [InlineData("wd值班 查一下", "我的值班 查一下")]
    [InlineData("dh 100积分的", "兑换 100积分的")]
    [InlineData("RG", "人工")]
    [InlineData("帮我cx下jf", "帮我查询下积分")]
    public void Initials_standing_alone_are_read_as_the_words(string typed, string read) =>
        Assert.Equal(read, PinyinInitials.Expand(typed));

    [Theory]
    [InlineData("school")]
    [InlineData("wd40")]
    [InlineData("wdsca")]
    [InlineData("how do I sign up")]
    [InlineData("志愿时长怎么算")]
    public void Other_letters_are_left_as_they_are(string typed) => Assert.Equal(typed, PinyinInitials.Expand(typed));

    [Fact]
    public async Task The_router_takes_initials_for_the_request_they_stand_for()
    {
        await using var bot = BotHarness.Create();
        var router = bot.Get<MessageRouter>();
        Assert.Equal("hours.mine", router.Decide("wd sc", UserRoles.Volunteer).Intent?.Id);
        Assert.Equal(GlobalCommand.Human, router.Decide("rg", UserRoles.Volunteer).Command);
        // Before: both were left to the guide (「no command or request」).
        Assert.Equal(RouteKind.Guide, router.Decide("school", UserRoles.Volunteer).Kind);
    }
}
