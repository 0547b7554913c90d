using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Escalation;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Escalation;

public sealed class RefusedReplyTests
{
    [Fact]
    public async Task A_reply_WeChat_refuses_is_kept_on_the_transcript_and_not_in_the_undelivered_store()
    {
        await using var wx = await WeChatTestServer.StartAsync(scripted: false);
        var store = wx.Services.GetRequiredService<EscalationStore>();
        var (record, _) = store.Open(new EscalationRecord
        {
            ChannelId = WeChatAdapter.ChannelId,
            UserId = "oQuietUser",
            ConversationId = "oQuietUser",
            Reason = EscalationReason.UserAsked,
            County = "义乌市",
            Status = EscalationStatus.Waiting,
            CreatedAt = wx.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        wx.Api.FailFor("oQuietUser", 45015); // the user has not written for more than 48 hours
        using var staff = DisputeFixtures.StaffClient(wx.Server, "escalation-replier", "义乌市");

        using var response = await staff.PostAsJsonAsync($"/api/staff/escalations/{record.Id}/reply", new { text = "你好，看到消息请回复我。" });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.False(body.GetProperty("delivered").GetBoolean());
        Assert.Contains(store.Entries(record.Id), e => e.Kind == EntryKind.Staff && e.Text == "你好，看到消息请回复我。" && e.Delivered == false);
        // Plain text with the OpenID, untouched by retention: the transcript already keeps the refusal.
        Assert.Empty(wx.Undelivered.List(includeResolved: true));
    }
}
