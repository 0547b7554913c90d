using System.Diagnostics;
using ChatAssistant.Adapters.WeChat;

namespace ChatAssistant.Tests.Adapters.WeChat;

/// <summary>The parser refuses DTDs, entities and oversized documents before expanding anything (RELIABILITY row 1).</summary>
public sealed class WeChatXmlTests
{
    [Fact]
    public void Parse_TextMessage_ReadsCDataAndPlainFields()
    {
        var fields = WeChatXml.Parse(Payloads.Read("text.xml"));
        Assert.Equal("你好", fields["Content"]);
        Assert.Equal("text", fields["MsgType"]);
        Assert.Equal("1234567890123456", fields["MsgId"]);
    }

    [Fact]
    public void Parse_NestedEventData_KeepsInnerText() =>
        Assert.Equal("code123", WeChatXml.Parse("<xml><ScanCodeInfo><ScanResult>code123</ScanResult></ScanCodeInfo><A>1</A></xml>")["ScanCodeInfo"]);

    [Theory]
    [InlineData("xxe-file.xml")]
    [InlineData("xxe-http.xml")]
    [InlineData("billion-laughs.xml")]
    [InlineData("dtd-only.xml")]
    public void Parse_DocumentWithDtd_IsRefusedQuickly(string payload)
    {
        var clock = Stopwatch.StartNew();
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(Payloads.Read(payload)));
        Assert.True(clock.ElapsedMilliseconds < 30_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<xml><a>1</xml>")]
    public void Parse_Malformed_IsRefused(string xml) => Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse(xml));

    [Fact]
    public void Parse_MoreCharactersThanTheCap_IsRefused() =>
        Assert.Throws<WeChatXmlException>(() => WeChatXml.Parse("<xml><a>" + new string('a', 300_000) + "</a></xml>"));

    [Fact]
    public void Write_EscapesMarkupInValues()
    {
        var xml = WeChatXml.Write([new("Content", "a]]><b>&</b>")]);
        Assert.DoesNotContain("<b>", xml);
        Assert.Equal("a]]><b>&</b>", WeChatXml.Parse(xml)["Content"]);
    }
}
