using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatAssistant.Audit;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Identity;

/// <summary>
/// Guessing binding codes across many OpenIDs (each staying under its own lock-out): the wrong codes of all users
/// together pause binding for the rest of the clock hour (Beijing time), with an audit row and an admin alert.
/// Everything here goes through the chat and the staff API, as a guesser and an admin would.
/// </summary>
public sealed class BindingGuessingTests : IAsyncLifetime
{
    private const string Paused = "绑定暂时不可用，请稍后再试或联系工作人员";
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow); // Thu 2026-11-26 10:00 Beijing
    private AssistantServer _server = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _server = await AssistantServer.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));
        var staff = _server.Get<StaffStore>();
        staff.Create("admin", "a long admin password", StaffRoles.Admin, null);
        staff.Create("tiantai", "a long staff password", StaffRoles.Staff, "天台县");
        Assert.True(_server.Get<IdentityService>().Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n")).Ok);
        _admin = As("admin");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    private HttpClient As(string user)
    {
        var client = _server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue(user, "test"));
        return client;
    }

    private async Task<string> SayAsync(string text, string openId) =>
        string.Join("\n", await BotHarness.SayAsync(_server.Services, text, openId));

    private async Task<List<JsonElement>> AlertsAsync()
    {
        var response = await _admin.GetAsync("/api/staff/alerts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public async Task Wrong_codes_from_150_OpenIDs_pause_binding_for_the_hour_with_one_audit_row_and_one_admin_alert()
    {
        var code = _server.Get<IdentityService>().IssueCode(RosterKind.Delegate, "D001").Code;
        var answers = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var guess = (10_000_000 + i * 7919).ToString(CultureInfo.InvariantCulture);
            if (guess == code) guess = "99999999";
            answers.Add(await SayAsync("绑定 " + guess, $"guesser-{i:D3}"));
        }

        // Each OpenID tried once (far from its own lock-out): the first 100 hear "wrong", then binding is paused.
        Assert.All(answers.Take(100), a => Assert.Contains("绑定码不正确", a));
        Assert.All(answers.Skip(100), a => Assert.Contains(Paused, a));
        var audit = Assert.Single(_server.Get<AuditLog>().Recent(100, "identity:binding"));
        Assert.Equal(("system:identity", "identity.binding.paused"), (audit.Actor, audit.Action));
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal("identity.binding.paused", alert.GetProperty("kind").GetString());
        Assert.True(alert.GetProperty("active").GetBoolean());
        Assert.Contains("11:00", alert.GetProperty("message").GetString()); // until the next clock hour, Beijing time
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(8)), alert.GetProperty("until").GetDateTimeOffset());

        // The right code from someone new, in the same hour: not even checked.
        _time.Advance(TimeSpan.FromMinutes(40)); // 10:40
        Assert.Contains(Paused, await SayAsync("绑定 " + code, "newcomer"));
        Assert.Null(_server.Get<IdentityService>().FindByOpenId(RosterKind.Delegate, "newcomer"));

        // The next hour: binding works again, and the alert is over (still listed, no longer active).
        _time.Advance(TimeSpan.FromMinutes(20)); // 11:00
        Assert.Contains("绑定成功", await SayAsync("绑定 " + code, "newcomer"));
        Assert.Equal("D001", _server.Get<IdentityService>().FindByOpenId(RosterKind.Delegate, "newcomer")!.MemberId);
        Assert.False(Assert.Single(await AlertsAsync()).GetProperty("active").GetBoolean());
        Assert.Single(_server.Get<AuditLog>().Recent(100, "identity:binding"));
    }

    [Fact]
    public async Task The_alert_list_is_for_admins_only()
    {
        using var staff = As("tiantai");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/staff/alerts")).StatusCode);
        using var anonymous = _server.CreateClient(cookies: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/alerts")).StatusCode);
        Assert.Empty(await AlertsAsync());
    }

    [Fact]
    public async Task Codes_typed_with_a_space_or_a_dash_are_accepted()
    {
        var identity = _server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD002,李四,天台县\nD003,王五,天台县\n")).Ok);
        var spaced = identity.IssueCode(RosterKind.Delegate, "D001").Code;
        var dashed = identity.IssueCode(RosterKind.Delegate, "D002").Code;
        var wide = identity.IssueCode(RosterKind.Delegate, "D003").Code;

        Assert.Contains("绑定成功", await SayAsync($"绑定 {spaced[..4]} {spaced[4..]}", "spaced"));
        Assert.Contains("绑定成功", await SayAsync($"{dashed[..4]}-{dashed[4..]}", "dashed")); // a bare code starts binding too
        // A Chinese keyboard: full-width digits and a full-width space.
        var fullWidth = new string(wide.Select(c => (char)('０' + (c - '0'))).ToArray());
        Assert.Contains("绑定成功", await SayAsync($"绑定 {fullWidth[..4]}　{fullWidth[4..]}", "wide"));
        Assert.Equal(["D001", "D002", "D003"], new[] { "spaced", "dashed", "wide" }.Select(o => identity.FindByOpenId(RosterKind.Delegate, o)!.MemberId));
    }

    [Fact]
    public async Task Four_and_four_digits_inside_another_flow_are_that_flows_answer_not_a_binding_attempt()
    {
        await SayAsync("意见建议", "writer");
        await SayAsync("1", "writer"); // a topic
        var answer = await SayAsync("0900-1100", "writer"); // the suggestion's text, say a time range

        Assert.DoesNotContain("绑定", answer);
        Assert.Empty(_server.Get<AuditLog>().Recent(100, "identity:binding"));
        // Eight digits in one piece still interrupt, as before.
        await SayAsync("意见建议", "writer2");
        Assert.Contains("绑定码不正确", await SayAsync("12345678", "writer2"));
    }
}
