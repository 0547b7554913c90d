using System.Net;
using System.Text.Json;
using ChatAssistant.Adapters;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.StaffConsole;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.StaffConsole;

public sealed class EscalationApiTests : IAsyncLifetime
{
    private const string Pw = ConsoleServer.Password;
    private AssistantServer _server = null!;
    private RecordingMessenger _messenger = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() =>
        (_server, _messenger) = await ConsoleServer.StartAsync(
            new Dictionary<string, string?> { ["Escalation:DefaultScope"] = "市团委", ["Escalation:AcknowledgeWithin"] = "02:00:00" },
            s => s.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> EscalateAsync(string userId, string message = "我需要帮助")
    {
        var user = new InProcessUser(_server, userId);
        await user.SayAsync("你好");
        await user.SayAsync("转人工");
        await user.SayAsync(message);
        return ConsoleServer.NewestEscalationId(_server);
    }

    private static string[] Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task Without_a_session_the_api_and_the_stream_answer_401()
    {
        using var anonymous = _server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/escalations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/escalations/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/staff/escalations/0123456789abcdef01234567/claim", null)).StatusCode);
    }

    [Fact]
    public async Task The_console_page_is_served_with_a_strict_content_security_policy()
    {
        using var client = _server.CreateClient();
        var page = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("工作台", await page.Content.ReadAsStringAsync());
        // Every script of the console puts text on the page as text, never as HTML.
        foreach (var file in new[] { "app.js", "kit.js", "dashboard.js", "guide.js", "oncall.js", "quickreplies.js" })
            Assert.DoesNotMatch(@"(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", await client.GetStringAsync("/staff/" + file));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/staff/secrets.json")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_write_without_the_csrf_header_is_refused()
    {
        var id = await EscalateAsync("wu1");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        var response = await staff.Client.PostAsync($"/api/staff/escalations/{id}/claim", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Waiting", (await staff.GetJsonAsync($"/api/staff/escalations/{id}")).GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Staff_see_only_their_county_and_unknown_counties_go_to_admins_and_the_default_scope()
    {
        var wu = await EscalateAsync("wu1");
        var unknown = await EscalateAsync("nobody");
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        using var jindong = await StaffSession.SignInAsync(_server, "jindong", Pw);
        using var city = await StaffSession.SignInAsync(_server, "city", Pw);
        using var admin = await StaffSession.SignInAsync(_server, "admin", Pw);

        Assert.Equal([wu], Ids(await wucheng.GetJsonAsync("/api/staff/escalations")));
        Assert.Empty(Ids(await jindong.GetJsonAsync("/api/staff/escalations")));
        Assert.Equal([unknown], Ids(await city.GetJsonAsync("/api/staff/escalations")));
        Assert.Equal(2, Ids(await admin.GetJsonAsync("/api/staff/escalations")).Length);

        Assert.Equal(HttpStatusCode.Forbidden, (await jindong.GetAsync($"/api/staff/escalations/{wu}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await jindong.PostAsync($"/api/staff/escalations/{wu}/reply", new { text = "你好" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wucheng.GetAsync($"/api/staff/escalations/{unknown}")).StatusCode);
        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task A_reply_the_channel_refuses_is_reported_with_its_reason_and_kept_on_the_transcript()
    {
        var id = await EscalateAsync("wu1");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        _messenger.Respond = _ => DeliveryResult.Failed("45015", "用户超过48小时未互动，无法发送客服消息");

        var response = await staff.PostAsync($"/api/staff/escalations/{id}/reply", new { text = "你好，我是小王" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.GetProperty("delivered").GetBoolean());
        Assert.Equal("45015", body.GetProperty("errorCode").GetString());
        var detail = await staff.GetJsonAsync($"/api/staff/escalations/{id}");
        var line = detail.GetProperty("transcript").EnumerateArray().Last();
        Assert.Equal("Staff", line.GetProperty("kind").GetString());
        Assert.False(line.GetProperty("delivered").GetBoolean());
        Assert.Contains("48小时", line.GetProperty("failureReason").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("summary").GetProperty("firstReplyAt").ValueKind);
        var sent = Assert.Single(_messenger.Sent);
        Assert.Equal(("test", "wu1"), (sent.ChannelId, sent.UserId));
    }

    [Fact]
    public async Task Replies_reach_the_user_notes_do_not_and_closing_returns_the_user_to_the_bot()
    {
        var id = await EscalateAsync("wu1");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/staff/escalations/{id}/notes", new { text = "可能需要心理老师" })).StatusCode);
        Assert.Empty(_messenger.Sent);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/staff/escalations/{id}/reply", new { text = "别担心，我来帮你" })).StatusCode);
        Assert.Equal("别担心，我来帮你", Assert.Single(_messenger.Sent).Text);
        var detail = await staff.GetJsonAsync($"/api/staff/escalations/{id}");
        Assert.Equal("可能需要心理老师", detail.GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.DoesNotContain(detail.GetProperty("transcript").EnumerateArray(), e => e.GetProperty("text").GetString() == "可能需要心理老师");
        Assert.Equal("婺城小王", detail.GetProperty("summary").GetProperty("assignee").GetString());

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/staff/escalations/{id}/resolve")).StatusCode);

        Assert.Equal(EscalationTexts.EndedByStaff, _messenger.Sent.Last().Text);
        Assert.NotEmpty(await new InProcessUser(_server, "wu1").SayAsync("菜单"));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/staff/escalations/{id}/reply", new { text = "还在吗" })).StatusCode);
        Assert.Equal([id], Ids(await staff.GetJsonAsync("/api/staff/escalations?view=resolved")));
    }

    [Fact]
    public async Task Only_one_of_two_staff_claims_and_assignment_stays_inside_the_scope()
    {
        var id = await EscalateAsync("wu1");
        using var wang = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        using var li = await StaffSession.SignInAsync(_server, "wucheng2", Pw);
        var claims = await Task.WhenAll(wang.PostAsync($"/api/staff/escalations/{id}/claim"), li.PostAsync($"/api/staff/escalations/{id}/claim"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], claims.Select(c => c.StatusCode).Order());

        Assert.Equal(HttpStatusCode.BadRequest, (await wang.PostAsync($"/api/staff/escalations/{id}/assign", new { userName = "jindong" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wang.PostAsync($"/api/staff/escalations/{id}/assign", new { userName = "wucheng2" })).StatusCode);
        Assert.Equal("婺城小李", (await wang.GetJsonAsync($"/api/staff/escalations/{id}")).GetProperty("summary").GetProperty("assignee").GetString());
    }

    [Fact]
    public async Task Waiting_beyond_the_configured_limit_is_marked_overdue()
    {
        var id = await EscalateAsync("wu1");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        var fresh = (await staff.GetJsonAsync("/api/staff/escalations")).GetProperty("items")[0];
        Assert.False(fresh.GetProperty("acknowledgeOverdue").GetBoolean());

        _time.Advance(TimeSpan.FromHours(3));
        var late = (await staff.GetJsonAsync("/api/staff/escalations")).GetProperty("items")[0];
        Assert.Equal(id, late.GetProperty("id").GetString());
        Assert.True(late.GetProperty("acknowledgeOverdue").GetBoolean());
        Assert.False(late.GetProperty("replyOverdue").GetBoolean());
        Assert.Equal(180, late.GetProperty("waitingMinutes").GetInt32());
    }

    /// <summary>The event streams of 婺城区's and 金东区's staff, each signed in with a cookie.</summary>
    private async Task<DistrictStreams> BothDistrictsStreamsAsync()
    {
        var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        var jindong = await StaffSession.SignInAsync(_server, "jindong", Pw);
        return new DistrictStreams([wucheng, jindong], await EventReader.OpenAsync(wucheng.Client), await EventReader.OpenAsync(jindong.Client));
    }

    private sealed record DistrictStreams(StaffSession[] Sessions, EventReader WuCheng, EventReader JinDong) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await WuCheng.DisposeAsync();
            await JinDong.DisposeAsync();
            foreach (var session in Sessions) session.Dispose();
        }
    }

    [Fact]
    public async Task The_event_stream_tells_each_console_only_about_its_own_scope()
    {
        await using var streams = await BothDistrictsStreamsAsync();
        var (wuEvents, jdEvents) = (streams.WuCheng, streams.JinDong);

        var wu = await EscalateAsync("wu1");
        var jd = await EscalateAsync("jd1");

        Assert.Equal(wu, await wuEvents.NextEscalationIdAsync());
        Assert.Equal(jd, await jdEvents.NextEscalationIdAsync()); // the 婺城区 events never reached 金东区
    }

    [Fact]
    public async Task The_event_stream_carries_help_requests_of_the_consoles_scope_by_number_only()
    {
        await using var streams = await BothDistrictsStreamsAsync();
        var (wuEvents, jdEvents) = (streams.WuCheng, streams.JinDong);

        var wu = DisputeFixtures.File(_server.Services, "婺城区", description: "和室友因为费用问题吵架，希望有人调解");
        var jd = DisputeFixtures.File(_server.Services, "金东区");
        _server.Get<TicketService>().Acknowledge(wu.Id, "staff:wucheng");

        var created = await wuEvents.NextAsync("ticket");
        Assert.Equal(wu.Number, created.GetProperty("id").GetString());
        Assert.Equal("created", created.GetProperty("what").GetString());
        Assert.Equal(["id", "what"], created.EnumerateObject().Select(p => p.Name)); // nothing personal on the stream
        var acknowledged = await wuEvents.NextAsync("ticket");
        Assert.Equal((wu.Number, "acknowledged"), (acknowledged.GetProperty("id").GetString(), acknowledged.GetProperty("what").GetString()));
        Assert.Equal(jd.Number, (await jdEvents.NextAsync("ticket")).GetProperty("id").GetString()); // 婺城区's never reached 金东区
    }

    [Fact]
    public async Task Picking_up_a_user_whose_open_hand_off_is_another_countys_is_refused_and_changes_nothing()
    {
        var wu = await EscalateAsync("wu1");
        using var jindong = await StaffSession.SignInAsync(_server, "jindong", Pw);

        var response = await jindong.PostAsync("/api/staff/escalations", new { channelId = "test", userId = "wu1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("负责范围", await response.Content.ReadAsStringAsync());
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        var summary = (await wucheng.GetJsonAsync($"/api/staff/escalations/{wu}")).GetProperty("summary");
        Assert.Equal("Waiting", summary.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("assignee").ValueKind);
        Assert.Empty(_messenger.Sent); // nothing was sent to the user in 金东区's name
        Assert.Equal(HttpStatusCode.OK, (await wucheng.PostAsync($"/api/staff/escalations/{wu}/claim")).StatusCode);
    }
}
