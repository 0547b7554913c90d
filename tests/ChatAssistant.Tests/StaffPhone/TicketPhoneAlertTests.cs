using System.Net.Http.Json;
using ChatAssistant.Adapters.WeCom.Fake;
using ChatAssistant.Disputes;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.Support.WeChat;
using ChatAssistant.Tests.Support.WeCom;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>
/// A new help request reaches the phone of a member of its county who asked for every alert — number, county, category,
/// never the description or the phone — and 受理 on the card acknowledges it as the console does; a member who chose
/// urgent-only hears nothing of it.
/// </summary>
public sealed class TicketPhoneAlertTests
{
    private const string Token = "wecomtoken42";
    private const string CorpId = "ww0123456789abcdef";
    private const string AesKey = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";

    [Fact]
    public async Task A_new_help_request_is_a_card_for_members_who_want_all_alerts_and_受理_acknowledges_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8)));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var wecom = await FakeWeComApi.StartAsync();
        await using var wechat = await WeChatTestServer.StartAsync(scripted: false, time: time, overrides: new Dictionary<string, string?>
        {
            ["Booking:SeedDemoStudio"] = "false", ["WeChat:UserMessagesPerMinute"] = "600",
            ["WeCom:CorpId"] = CorpId, ["WeCom:AgentId"] = "1000002", ["WeCom:Secret"] = "s", ["WeCom:Token"] = Token,
            ["WeCom:EncodingAESKey"] = AesKey, ["WeCom:ApiBaseUrl"] = wecom.BaseAddress.ToString(),
        });
        var store = wechat.Server.Get<StaffStore>();
        store.Create("mei", "a long enough password", StaffRoles.Staff, "天台县", "小梅");
        store.Create("li", "a long enough password", StaffRoles.Staff, "天台县", "小李");
        store.Create("boss", "a long enough password", StaffRoles.Admin, null);
        using var admin = wechat.Server.CreateClient(cookies: false);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", wechat.Server.Get<StaffTokens>().Issue("boss", "test"));
        (await admin.PutAsJsonAsync("/api/staff/accounts/mei/wecom", new { userId = "mei-wx", alerts = "all" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/staff/accounts/li/wecom", new { userId = "li-wx" })).EnsureSuccessStatusCode(); // urgent only

        var chat = new WeChatChat(wechat, "oTicketUser");
        foreach (var said in new[] { "你好", "求助", "是", "14到18岁", "天台", "心理疏导", "最近和室友关系很紧张，晚上总睡不好，想找人聊聊。", "2. 打我的手机", "13800138000", "1" })
            await chat.SayAsync(said);
        Assert.Contains("已提交", await chat.SayAsync("是"));
        var ticket = Assert.Single(wechat.Server.Get<TicketService>().ForUser("oTicketUser"));

        var card = await FakeWeComApi.WaitForAsync(() => wecom.CardsTo("mei-wx").FirstOrDefault(), TimeSpan.FromSeconds(5));
        Assert.NotNull(card);
        var json = card.Body.ToString();
        Assert.Contains(ticket.Number, json);
        Assert.Contains("天台县", json);
        Assert.Contains("心理疏导", json);
        Assert.DoesNotContain("13800138000", json);
        Assert.DoesNotContain("室友", json);
        Assert.Equal(PhoneCards.TicketPrefix + ticket.Number, card.ButtonKey);
        Assert.Empty(wecom.CardsTo("li-wx"));

        var callbacks = new WeComCallbacks(wechat.Client, Token, CorpId, AesKey, time);
        var (status, reply) = await callbacks.SendAsync(callbacks.ButtonPress("mei-wx", card.ButtonKey!, card.Card!.Value.GetProperty("task_id").GetString()!, wecom.IssueResponseCode()));
        Assert.Equal((200, StaffPhoneTexts.TicketAcknowledged(ticket.Number)), (status, reply));
        Assert.Equal(TicketStatus.Acknowledged, wechat.Server.Get<TicketService>().Find(ticket.Id)!.Status);
        var update = await FakeWeComApi.WaitForAsync(() => wecom.CardUpdates.FirstOrDefault(), TimeSpan.FromSeconds(5));
        Assert.Equal(StaffPhoneTexts.AcknowledgedBy("小梅"), update?.ReplaceName);
    }
}
