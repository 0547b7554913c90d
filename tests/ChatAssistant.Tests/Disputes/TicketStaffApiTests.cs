using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Disputes;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Disputes;

public sealed class TicketStaffApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private AssistantServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await AssistantServer.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Staff_see_only_their_countys_tickets_and_another_county_gets_404()
    {
        var mine = DisputeFixtures.File(_server.Services, "义乌市");
        var theirs = DisputeFixtures.File(_server.Services, "东阳市");
        using var yiwu = DisputeFixtures.StaffClient(_server, "yiwu", "义乌市");

        var list = await Json(await yiwu.GetAsync("/api/staff/tickets"));
        Assert.Equal([mine.Number], list.EnumerateArray().Select(t => t.GetProperty("number").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.GetAsync($"/api/staff/tickets/{theirs.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.PostAsync($"/api/staff/tickets/{theirs.Number}/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await yiwu.PostAsJsonAsync($"/api/staff/tickets/{theirs.Number}/reply", new { text = "你好" })).StatusCode);
        Assert.Equal(TicketStatus.New, _server.Get<TicketService>().Find(theirs.Id)!.Status);
        Assert.Contains(DisputeFixtures.Audit(_server.Services, "ticket:" + theirs.Number), e => e.Action == "ticket.view.denied" && e.Actor == "staff:yiwu");
    }

    [Fact]
    public async Task The_list_answers_open_or_finished_requests_newest_finished_first_and_is_capped()
    {
        var service = _server.Get<TicketService>();
        var first = DisputeFixtures.File(_server.Services, "义乌市");
        _time.Advance(TimeSpan.FromHours(1));
        var second = DisputeFixtures.File(_server.Services, "义乌市");
        _time.Advance(TimeSpan.FromHours(1));
        var open = DisputeFixtures.File(_server.Services, "义乌市");
        Assert.Equal(TicketOutcomeKind.Ok, service.ChangeStatus(first.Id, TicketStatus.Resolved, "staff:yiwu").Kind);
        Assert.Equal(TicketOutcomeKind.Ok, service.ChangeStatus(second.Id, TicketStatus.Closed, "staff:yiwu").Kind);
        using var yiwu = DisputeFixtures.StaffClient(_server, "yiwu", "义乌市");
        static string[] Numbers(JsonElement list) => list.EnumerateArray().Select(t => t.GetProperty("number").GetString()!).ToArray();

        Assert.Equal([open.Number], Numbers(await Json(await yiwu.GetAsync("/api/staff/tickets?view=open"))));
        Assert.Equal([second.Number, first.Number], Numbers(await Json(await yiwu.GetAsync("/api/staff/tickets?view=closed"))));
        Assert.Equal([second.Number], Numbers(await Json(await yiwu.GetAsync("/api/staff/tickets?view=closed&limit=1"))));
        Assert.Equal(2, Numbers(await Json(await yiwu.GetAsync("/api/staff/tickets?limit=2"))).Length);
        var bad = await yiwu.GetAsync("/api/staff/tickets?view=everything");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("closed", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_carries_no_personal_fields_and_the_detail_decrypts_them()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市", description: "列表里不应出现的描述内容ABC", phone: "13700001111");
        using var admin = DisputeFixtures.StaffClient(_server, "admin1", null);
        var listBody = await (await admin.GetAsync("/api/staff/tickets")).Content.ReadAsStringAsync();
        Assert.Contains(ticket.Number, listBody);
        Assert.DoesNotContain("列表里不应出现", listBody);
        Assert.DoesNotContain("13700001111", listBody);
        Assert.DoesNotContain("user1", listBody);

        var detail = await Json(await admin.GetAsync($"/api/staff/tickets/{ticket.Number}"));
        Assert.Equal("列表里不应出现的描述内容ABC", detail.GetProperty("description").GetString());
        Assert.Equal("13700001111", detail.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Every_detail_view_writes_an_audit_row()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        using var staff = DisputeFixtures.StaffClient(_server, "viewer", "义乌市");
        for (var i = 0; i < 3; i++) await Json(await staff.GetAsync($"/api/staff/tickets/{ticket.Number}"));
        var views = DisputeFixtures.Audit(_server.Services, "ticket:" + ticket.Number).Where(e => e.Action == "ticket.view").ToList();
        Assert.Equal(3, views.Count);
        Assert.All(views, v => Assert.Equal("staff:viewer", v.Actor));
    }

    [Fact]
    public async Task The_audit_log_is_for_admins_only()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        using var staff = DisputeFixtures.StaffClient(_server, "plain", "义乌市");
        using var admin = DisputeFixtures.StaffClient(_server, "boss", null);
        await Json(await staff.GetAsync($"/api/staff/tickets/{ticket.Number}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/staff/audit")).StatusCode);
        using var anonymous = _server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/audit")).StatusCode);
        var rows = await Json(await admin.GetAsync($"/api/staff/audit?subject=ticket:{ticket.Number}"));
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("action").GetString() == "ticket.view" && r.GetProperty("actor").GetString() == "staff:plain");
    }

    [Fact]
    public async Task The_lifecycle_moves_only_forward_and_notes_stay_internal()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        var changes = new List<TicketChanged>();
        _server.Get<ITicketEvents>().Changed += changes.Add;
        using var staff = DisputeFixtures.StaffClient(_server, "worker", "义乌市");
        var url = $"/api/staff/tickets/{ticket.Number}";

        Assert.Equal("Acknowledged", (await Json(await staff.PostAsync(url + "/acknowledge", null))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync(url + "/acknowledge", null)).StatusCode);
        Assert.Equal("InProgress", (await Json(await staff.PostAsJsonAsync(url + "/status", new { status = "inprogress" }))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync(url + "/status", new { status = "Withdrawn" })).StatusCode);
        await Json(await staff.PostAsJsonAsync(url + "/notes", new { text = "已电话联系学校老师" }));
        Assert.Equal("Resolved", (await Json(await staff.PostAsJsonAsync(url + "/resolve", new { text = "双方已和解" }))).GetProperty("status").GetString());
        await Json(await staff.PostAsJsonAsync(url + "/status", new { status = "Closed" }));
        var conflict = await staff.PostAsJsonAsync(url + "/status", new { status = "InProgress" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("已关闭", await conflict.Content.ReadAsStringAsync());

        var detail = await Json(await staff.GetAsync(url));
        Assert.Equal(["已电话联系学校老师", "双方已和解"], detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToArray());
        Assert.Equal(["acknowledged", "status", "note", "status", "note", "status"], changes.Select(c => c.Change).ToArray());
        Assert.All(changes, c => Assert.Equal("义乌市", c.County));
        Assert.Equal(6, DisputeFixtures.Audit(_server.Services, "ticket:" + ticket.Number).Count(e => e.Actor == "staff:worker" && e.Action != "ticket.view"));
    }

    [Fact]
    public async Task A_ticket_past_retention_cannot_be_reopened_but_can_still_be_closed()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        using var staff = DisputeFixtures.StaffClient(_server, "reopener", "义乌市");
        var url = $"/api/staff/tickets/{ticket.Number}";
        await Json(await staff.PostAsJsonAsync(url + "/resolve", new { text = "已调解" }));
        _time.Advance(TimeSpan.FromDays(_server.Get<TicketService>().Options.RetentionDays + 1));
        _server.Get<TicketService>().PurgeExpired(); // or the server's own retention sweep, woken by the clock
        Assert.NotNull(_server.Get<TicketService>().Find(ticket.Id)!.PersonalDataDeletedAt);

        var refused = await staff.PostAsJsonAsync(url + "/status", new { status = "InProgress" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(DisputeTexts.StaffReopenAfterPurge, await refused.Content.ReadAsStringAsync());
        Assert.Equal(TicketStatus.Resolved, _server.Get<TicketService>().Find(ticket.Id)!.Status);
        var row = (await Json(await staff.GetAsync("/api/staff/tickets"))).EnumerateArray().Single(t => t.GetProperty("number").GetString() == ticket.Number);
        Assert.True(row.GetProperty("personalDataDeleted").GetBoolean()); // the console hides 重新处理 on this
        Assert.Equal("Closed", (await Json(await staff.PostAsJsonAsync(url + "/status", new { status = "Closed" }))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Overdue_is_computed_from_the_configured_deadlines()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        using var staff = DisputeFixtures.StaffClient(_server, "sla", "义乌市");
        JsonElement Row(JsonElement list) => list.EnumerateArray().Single(t => t.GetProperty("number").GetString() == ticket.Number);

        var fresh = Row(await Json(await staff.GetAsync("/api/staff/tickets")));
        Assert.False(fresh.GetProperty("overdue").GetBoolean());
        Assert.Equal(ticket.CreatedAt.AddHours(24), fresh.GetProperty("acknowledgeDue").GetDateTimeOffset());

        _time.Advance(TimeSpan.FromHours(25));
        var late = Row(await Json(await staff.GetAsync("/api/staff/tickets")));
        Assert.True(late.GetProperty("acknowledgeOverdue").GetBoolean());
        Assert.False(late.GetProperty("resolveOverdue").GetBoolean());

        await Json(await staff.PostAsync($"/api/staff/tickets/{ticket.Number}/acknowledge", null));
        _time.Advance(TimeSpan.FromDays(7));
        var veryLate = Row(await Json(await staff.GetAsync("/api/staff/tickets")));
        Assert.False(veryLate.GetProperty("acknowledgeOverdue").GetBoolean());
        Assert.True(veryLate.GetProperty("resolveOverdue").GetBoolean());
    }

    [Fact]
    public async Task A_reply_reaches_the_user_through_WeChat_and_acknowledges_the_ticket()
    {
        await using var wx = await WeChatTestServer.StartAsync(scripted: false);
        var ticket = DisputeFixtures.File(wx.Services, "义乌市", userId: "oHelpUser", channel: WeChatAdapter.ChannelId);
        using var staff = DisputeFixtures.StaffClient(wx.Server, "replier", "义乌市");
        var result = await Json(await staff.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = "你好，我们已收到你的求助。" }));
        Assert.True(result.GetProperty("delivered").GetBoolean());
        Assert.Equal(["你好，我们已收到你的求助。"], wx.Api.TextsTo("oHelpUser"));
        Assert.Equal(TicketStatus.Acknowledged, wx.Services.GetRequiredService<TicketService>().Find(ticket.Id)!.Status);
    }

    [Fact]
    public async Task The_history_names_staff_by_their_display_name_and_keeps_the_sign_in_name()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        _server.Get<ChatAssistant.Staff.StaffStore>().Create("wangfang", "a long enough password", ChatAssistant.Staff.StaffRoles.Staff, "义乌市", "义乌王老师");
        using var staff = _server.CreateClient(cookies: false);
        staff.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<ChatAssistant.Staff.StaffTokens>().Issue("wangfang", "test"));
        await Json(await staff.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/notes", new { text = "已联系家长" }));

        var entry = (await Json(await staff.GetAsync($"/api/staff/tickets/{ticket.Number}"))).GetProperty("history")[0];
        Assert.Equal("staff:wangfang", entry.GetProperty("author").GetString());
        Assert.Equal("义乌王老师", entry.GetProperty("authorName").GetString());
    }

    [Fact]
    public async Task A_reply_WeChat_refuses_shows_staff_the_reason_and_is_kept_in_the_history()
    {
        await using var wx = await WeChatTestServer.StartAsync(scripted: false);
        var ticket = DisputeFixtures.File(wx.Services, "义乌市", userId: "oQuietUser", channel: WeChatAdapter.ChannelId);
        wx.Api.FailFor("oQuietUser", 45015); // the user has not written for more than 48 hours
        using var staff = DisputeFixtures.StaffClient(wx.Server, "replier", "义乌市");
        var result = await Json(await staff.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = "你好，我们已收到你的求助。" }));

        Assert.False(result.GetProperty("delivered").GetBoolean());
        Assert.Equal("45015", result.GetProperty("errorCode").GetString());
        var reason = result.GetProperty("reason").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.Empty(wx.Api.TextsTo("oQuietUser"));
        var entry = (await Json(await staff.GetAsync($"/api/staff/tickets/{ticket.Number}"))).GetProperty("history")[0];
        Assert.Equal("StaffReply", entry.GetProperty("kind").GetString());
        Assert.False(entry.GetProperty("delivered").GetBoolean());
        Assert.Equal(reason, entry.GetProperty("deliveryError").GetString());
    }

    [Fact]
    public async Task A_refused_reply_is_kept_only_in_the_tickets_history_not_in_the_undelivered_store()
    {
        await using var wx = await WeChatTestServer.StartAsync(scripted: false);
        var ticket = DisputeFixtures.File(wx.Services, "义乌市", userId: "oGoneQuiet", channel: WeChatAdapter.ChannelId);
        wx.Api.FailFor("oGoneQuiet", 45015);
        using var staff = DisputeFixtures.StaffClient(wx.Server, "replier", "义乌市");
        var result = await Json(await staff.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = "请回复我们，方便跟进。" }));

        Assert.Equal("45015", result.GetProperty("errorCode").GetString());
        // The undelivered store is plain text with the OpenID, outside withdrawal and retention: nothing there.
        Assert.Empty(wx.Undelivered.List(includeResolved: true));
        Assert.False(wx.Services.GetRequiredService<TicketService>().Find(ticket.Id)!.History.Single().Delivered);
    }

    [Fact]
    public async Task A_reply_on_a_channel_that_cannot_send_says_so()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市", channel: "console");
        using var staff = DisputeFixtures.StaffClient(_server, "console-replier", "义乌市");
        var result = await Json(await staff.PostAsJsonAsync($"/api/staff/tickets/{ticket.Number}/reply", new { text = "收到" }));
        Assert.False(result.GetProperty("delivered").GetBoolean());
        Assert.Equal("no-channel", result.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Cookie_writes_need_the_CSRF_token()
    {
        var ticket = DisputeFixtures.File(_server.Services, "义乌市");
        _server.Get<ChatAssistant.Staff.StaffStore>().Create("cookie", "a long enough password", "staff", "义乌市");
        using var browser = _server.CreateClient();
        var me = await Json(await browser.PostAsJsonAsync("/api/staff/login", new { userName = "cookie", password = "a long enough password" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync($"/api/staff/tickets/{ticket.Number}/acknowledge", null)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/tickets/{ticket.Number}/acknowledge");
        request.Headers.Add("X-CSRF-TOKEN", me.GetProperty("csrfToken").GetString());
        await Json(await browser.SendAsync(request));
    }
}
