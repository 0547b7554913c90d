using System.Text;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Adapters.WeChat;

public sealed class WeChatReplyComposerTests
{
    [Fact]
    public void ShortReplies_AreMergedInOrder() =>
        Assert.Equal(["一。\n\n二。\n\n三。"], WeChatReplyComposer.Pack(["一。", "二。", "三。"]));

    [Fact]
    public void LongReply_IsSplitAfterSentenceEnds_WithinTheByteLimit()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => i % 3 == 0 ? "你好吗？" : i % 3 == 1 ? "很好！" : "谢谢。\n"));
        var parts = WeChatReplyComposer.Pack([text], 300);
        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 300));
        Assert.All(parts, p => Assert.Contains(p[^1], "。！？\n"));
    }

    [Fact]
    public void ClosingQuote_StaysWithItsSentence()
    {
        var parts = WeChatReplyComposer.Pack(["他说：“好的。”然后走了。"], 24);
        Assert.Equal("他说：“好的。”", parts[0]);
    }

    [Fact]
    public void SentenceLongerThanTheLimit_IsCutBetweenCharacters_NotInsideOne()
    {
        var text = new string('字', 100) + "😀😀😀";
        var parts = WeChatReplyComposer.Pack([text], 31);
        Assert.Equal(text, string.Concat(parts));
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 31));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Theory]
    [InlineData("👨‍👩‍👧")]  // a family: three people joined by ZWJ (18 bytes)
    [InlineData("🇨🇳")]     // a flag: two regional indicators
    [InlineData("👍🏽")]     // a thumb with a skin tone
    [InlineData("e\u0301")] // e and a combining accent
    public void AnEmojiOrLetterMadeOfSeveralCodePoints_IsNeverSplitAcrossTwoMessages(string cluster)
    {
        var text = string.Concat(Enumerable.Repeat("字" + cluster, 40));
        for (var limit = 24; limit <= 40; limit++)
        {
            var parts = WeChatReplyComposer.Pack([text], limit);
            Assert.Equal(text, string.Concat(parts));
            Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= limit));
            Assert.All(parts, p => Assert.Equal(0, p.Replace(cluster, "").Replace("字", "").Length)); // only whole clusters
        }
    }

    [Fact]
    public void AClusterLongerThanAWholeMessage_IsStillCut_BetweenCodePoints()
    {
        var zalgo = "a" + new string('\u0301', 40); // one letter with 40 accents: 81 bytes
        var parts = WeChatReplyComposer.Pack(["前" + zalgo + "后"], 30);
        Assert.Equal("前" + zalgo + "后", string.Concat(parts));
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 30));
    }

    [Fact]
    public void ReplyThatFitsAMessage_IsNotCutAcrossTwo()
    {
        var a = new string('甲', 500) + "。";
        var b = new string('乙', 500) + "。";
        Assert.Equal([a, b], WeChatReplyComposer.Pack([a, b]));
    }

    [Fact]
    public void SuggestedActionsAndCards_BecomeTextTheUserCanType()
    {
        var message = MessageFactory.SuggestedActions(new List<string> { "周三下午", "周五上午" }, "请选择时段：", null, null);
        var card = MessageFactory.Attachment(new HeroCard("志愿指南", text: "注册流程", buttons: [new CardAction(ActionTypes.ImBack, "如何注册")]).ToAttachment());
        var typing = new Activity(ActivityTypes.Typing);
        var parts = WeChatReplyComposer.Compose([message, card, typing]);
        Assert.Equal("请选择时段：\n可以直接回复：周三下午 / 周五上午\n\n志愿指南\n注册流程\n可以直接回复：如何注册", Assert.Single(parts));
    }

    [Fact]
    public void NothingSaid_ComposesNothing() => Assert.Empty(WeChatReplyComposer.Compose([new Activity(ActivityTypes.Typing), MessageFactory.Text("")]));
}
