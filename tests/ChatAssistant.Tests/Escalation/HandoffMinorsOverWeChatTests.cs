using System.Net;
using System.Text.Json;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Safety;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// Two minors of issue #30 over the WeChat endpoint: the global commands typed in Traditional characters (結束人工, 轉人工,
/// 幫助, 繼續, 不辦了) work as in Simplified, and the hand-off API gives its times in Beijing time (+08:00) for a
/// conversation that came in over WeChat, with the server's zone UTC.
/// </summary>
public sealed class HandoffMinorsOverWeChatTests(FastTypingAssistant assistant) : IClassFixture<FastTypingAssistant>
{
    [Fact]
    public async Task Global_commands_in_Traditional_characters_work_as_in_Simplified()
    {
        var chat = assistant.User("oTraditional");
        await chat.SayAsync("你好");
        Assert.StartsWith(ConversationTexts.MenuHeading, await chat.SayAsync("幫助"));

        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        Assert.Equal(FlowTexts.Cancelled(DisputeTexts.FlowTitle), await chat.SayAsync("不辦了"));

        Assert.Contains("已为你转接人工服务", await chat.SayAsync("轉人工"));
        Assert.Equal(EscalationTexts.EndedByUser, await chat.SayAsync("結束人工"));
        Assert.Equal((EscalationStatus.Resolved, "user"), (assistant.Escalation("oTraditional").Status, assistant.Escalation("oTraditional").ResolvedBy));

        // 繼續 after a crisis inside a flow takes the flow up where it was.
        Assert.Contains(DisputeTexts.Intro, await chat.SayAsync("求助"));
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("是"));
        var crisis = await chat.SayAsync("我不想活了");
        Assert.StartsWith(SafetyTexts.CrisisReply, crisis);
        Assert.Contains(SafetyTexts.ResumeHint(DisputeTexts.FlowTitle), crisis);
        Assert.Contains(DisputeTexts.AskAge, await chat.SayAsync("繼續"));
    }

    [Fact]
    public async Task A_hand_off_over_WeChat_is_shown_to_staff_in_Beijing_time()
    {
        var chat = assistant.User("oBeijing");
        await chat.SayAsync("你好");
        await chat.SayAsync("转人工");
        await chat.SayAsync("有人在吗");
        var record = assistant.Escalation("oBeijing");
        using var staff = assistant.Staff("beijing-time", null);

        var list = await WeChatAssistant.JsonAsync(staff, "/api/staff/escalations");
        Assert.EndsWith("+08:00", list.GetProperty("now").GetString());
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == record.Id.ToString());
        foreach (var field in new[] { "createdAt", "acknowledgeDue", "replyDue", "lastUserMessageAt" })
        {
            var text = item.GetProperty(field).GetString()!;
            Assert.EndsWith("+08:00", text);
            Assert.Equal(TimeSpan.FromHours(8), DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Offset);
        }
        Assert.Equal(record.CreatedAt, DateTimeOffset.Parse(item.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var detail = await WeChatAssistant.JsonAsync(staff, $"/api/staff/escalations/{record.Id}");
        var transcript = detail.GetProperty("transcript").EnumerateArray().ToList();
        Assert.Contains(transcript, e => e.GetProperty("text").GetString() == "有人在吗");
        Assert.All(transcript, e => Assert.EndsWith("+08:00", e.GetProperty("at").GetString()));
    }
}
