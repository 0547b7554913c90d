using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Tests.Knowledge;

public sealed class ChineseScriptTests
{
    [Theory]
    [InlineData("預約值班", "预约值班")]
    [InlineData("我的積分還有多少？", "我的积分还有多少？")]
    [InlineData("團代表 check-in 10點", "团代表 check-in 10点")]
    [InlineData("志願者協會", "志愿者协会")]
    public void Traditional_characters_read_as_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, ChineseScript.ToSimplified(traditional));

    [Fact]
    public void Simplified_text_comes_back_as_the_same_instance()
    {
        // Every message passes through here: text without traditional characters must not be copied.
        var text = "志愿汇怎么注册，我想做志愿者 sign up";

        Assert.Same(text, ChineseScript.ToSimplified(text));
    }

    [Fact]
    public void Characters_shared_by_both_scripts_stay_as_they_are()
    {
        // 著 and 了 belong to both scripts; only forms that are traditional-only change.
        Assert.Equal("名著 了解", ChineseScript.ToSimplified("名著 了解"));
    }
}

public sealed class TraditionalRepliesTests
{
    [Theory]
    [InlineData("確認", true)]
    [InlineData("對的！", true)]
    [InlineData("不對", false)]
    public void Yes_and_no_in_traditional_characters(string reply, bool yes)
    {
        Assert.Equal(yes, ChatAssistant.Conversation.Flows.Replies.IsYes(reply));
        Assert.Equal(!yes, ChatAssistant.Conversation.Flows.Replies.IsNo(reply));
    }
}
