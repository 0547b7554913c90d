using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Bot.Schema;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>WeChat payload files → activities (issue 3, item 3).</summary>
public sealed class WeChatMapperTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);

    private static InboundAction Map(string payload) =>
        WeChatMapper.ToAction(WeChatXml.Parse(Payloads.Read(payload, new Dictionary<string, string> { ["FROM"] = "oUser", ["NOW"] = "1764000000" })), Now);

    private static Activity Turn(string payload) => Assert.IsType<InboundAction.RunTurn>(Map(payload)).Activity;

    [Fact]
    public void Text_IsAMessageFromTheOpenIdToTheAccount()
    {
        var run = Assert.IsType<InboundAction.RunTurn>(Map("text.xml"));
        var a = run.Activity;
        Assert.Equal((ActivityTypes.Message, "你好", "wechat"), (a.Type, a.Text, a.ChannelId));
        Assert.Equal(("oUser", "oUser", "gh_test"), (a.From.Id, a.Conversation.Id, a.Recipient.Id));
        Assert.Equal(Now, a.Timestamp);
        Assert.Equal("oUser:msg:1234567890123456", run.DedupeId);
        Assert.Equal("你好", ((IDictionary<string, string>)a.ChannelData)["Content"]);
    }

    [Fact]
    public void VoiceWithRecognition_IsText() => Assert.Equal("我想预约值班", Turn("voice.xml").Text);

    [Fact]
    public void VoiceWithoutRecognition_IsAnsweredDirectly() =>
        Assert.Equal(WeChatTexts.VoiceWithoutText, Assert.IsType<InboundAction.Reply>(Map("voice-no-recognition.xml")).Text);

    [Theory]
    [InlineData("image.xml", WeChatContentTypes.Image)]
    [InlineData("location.xml", WeChatContentTypes.Location)]
    [InlineData("link.xml", WeChatContentTypes.Link)]
    [InlineData("video.xml", WeChatContentTypes.Video)]
    public void NonTextMessages_HaveEmptyTextAndOneMarkedAttachment(string payload, string contentType)
    {
        var a = Turn(payload);
        Assert.Equal((ActivityTypes.Message, ""), (a.Type, a.Text));
        Assert.Equal(contentType, Assert.Single(a.Attachments).ContentType);
    }

    [Theory]
    [InlineData("subscribe-qrscene.xml", ChannelEvents.Subscribe, "duty:3")]
    [InlineData("subscribe.xml", ChannelEvents.Subscribe, null)]
    [InlineData("unsubscribe.xml", ChannelEvents.Unsubscribe, null)]
    [InlineData("scan.xml", ChannelEvents.Scan, "duty:3")]
    [InlineData("click.xml", ChannelEvents.MenuClick, "BOOKING")]
    public void Events_AreChannelEvents(string payload, string name, string? value)
    {
        var a = Turn(payload);
        Assert.Equal((ActivityTypes.Event, name, value), (a.Type, a.Name, a.Value as string));
    }

    [Fact]
    public void EventDedupe_IsPerUserCreateTimeEventAndKey() =>
        Assert.Equal("oUser:evt:1764000000:click:BOOKING", Assert.IsType<InboundAction.RunTurn>(Map("click.xml")).DedupeId);

    [Theory]
    [InlineData("location-event.xml")]
    [InlineData("view.xml")]
    public void LocationReportsAndViews_AreIgnoredQuietly(string payload) => Assert.IsType<InboundAction.Ignore>(Map(payload));

    [Theory]
    [InlineData("99999999999999")] // past DateTimeOffset's range: mapping threw (logged as a store outage, answered 400)
    [InlineData("not-a-time")]
    public void ACreateTimeThatIsNoTime_StampsTheActivityWithNow(string createTime)
    {
        var fields = WeChatXml.Parse(Payloads.Read("text.xml", new Dictionary<string, string> { ["FROM"] = "oUser", ["NOW"] = createTime }));
        Assert.Equal(Now, Assert.IsType<InboundAction.RunTurn>(WeChatMapper.ToAction(fields, Now)).Activity.Timestamp);
    }

    [Fact]
    public void MessageWithoutSender_IsRefused() =>
        Assert.Throws<WeChatXmlException>(() => WeChatMapper.ToAction(WeChatXml.Parse("<xml><MsgType>text</MsgType></xml>"), Now));
}
