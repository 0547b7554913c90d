using System.Net;
using ChatAssistant.Escalation;
using ChatAssistant.Safety;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Safety;

/// <summary>
/// Staff tell the crisis check it was wrong, over real HTTP: a false alarm on a crisis hand-off, a miss on another one.
/// The review list keeps the message encrypted, is for admins only, and every reading is audited; the hand-off's
/// reason shows staff why it is urgent.
/// </summary>
public sealed class CrisisReviewApiTests : IAsyncLifetime
{
    private const string Pw = ConsoleServer.Password;
    private AssistantServer _server = null!;

    public async Task InitializeAsync() => (_server, _) = await ConsoleServer.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> ConversationAsync(string userId, params string[] messages)
    {
        var user = new InProcessUser(_server, userId);
        await user.SayAsync("你好");
        foreach (var m in messages) await user.SayAsync(m);
        return ConsoleServer.NewestEscalationId(_server);
    }

    [Fact]
    public async Task Staff_mark_a_false_alarm_and_a_miss_and_only_admins_read_the_review_list()
    {
        var alarm = await ConversationAsync("wu1", "我跟这道数学题死磕到底，不想活了哈哈");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        var summary = (await staff.GetJsonAsync($"/api/staff/escalations/{alarm}")).GetProperty("summary");
        Assert.Equal("Crisis", summary.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("crisisSignal").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = alarm, verdict = "false-alarm", note = "在开玩笑" })).StatusCode);
        // A crisis cannot be a miss, a routine hand-off cannot be a false alarm, a miss needs a category.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = alarm, verdict = "missed", category = "Suicide" })).StatusCode);
        var routine = await ConversationAsync("wu2", "转人工", "有些事想找人说说");
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = routine, verdict = "false-alarm" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = routine, verdict = "missed" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = routine, verdict = "maybe" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/staff/crisis-reviews", new { escalationId = routine, verdict = "missed", category = "Violence" })).StatusCode);

        // Another district's staff cannot mark it; district staff cannot read the list.
        using var other = await StaffSession.SignInAsync(_server, "jindong", Pw);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/staff/crisis-reviews", new { escalationId = alarm, verdict = "false-alarm" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/staff/crisis-reviews")).StatusCode);

        using var admin = await StaffSession.SignInAsync(_server, "admin", Pw);
        var items = (await admin.GetJsonAsync("/api/staff/crisis-reviews")).GetProperty("items").EnumerateArray().ToList();
        var falseAlarm = Assert.Single(items, i => i.GetProperty("verdict").GetString() == "false-alarm");
        Assert.Equal("我跟这道数学题死磕到底，不想活了哈哈", falseAlarm.GetProperty("text").GetString());
        Assert.Equal("在开玩笑", falseAlarm.GetProperty("note").GetString());

        // Stored encrypted, bound to the review: the records file does not hold the message in clear.
        var stored = ChatAssistant.Safety.LiteDb.LiteCrisisReviewRecords.Documents(_server.Get<ILiteDatabase>()).All();
        Assert.All(stored, r => Assert.DoesNotContain("死磕", r.Text));
        var audit = await admin.GetJsonAsync("/api/staff/audit?limit=50");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "crisis.review.list");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "crisis.review.false-alarm");
    }

    [Fact]
    public async Task An_urgent_hand_off_is_resolved_over_the_api_only_with_a_note()
    {
        var id = await ConversationAsync("wu1", "我不想活了");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync($"/api/staff/escalations/{id}/resolve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/staff/escalations/{id}/resolve", new { text = "已电话联系，本人安全，已转心理老师" })).StatusCode);
        var detail = await staff.GetJsonAsync($"/api/staff/escalations/{id}");
        Assert.Equal(nameof(EscalationStatus.Resolved), detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Contains(detail.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString() == "已电话联系，本人安全，已转心理老师");
    }
}
