using System.Net;
using System.Text.Json;
using ChatAssistant.Alerts;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Alerts;

/// <summary>The admin alerts: stored, listed for admins in Beijing time, pushed to admins' consoles, handed to every channel.</summary>
public sealed class AdminAlertTests
{
    private const string Password = "a long enough password";

    private static HttpClient As(AssistantServer server, string user)
    {
        var client = server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue(user, "test"));
        return client;
    }

    [Fact]
    public async Task An_alert_is_pushed_to_admins_consoles_only_and_listed_in_Beijing_time()
    {
        await using var server = await AssistantServer.StartAsync();
        var staff = server.Get<StaffStore>();
        staff.Create("admin", Password, StaffRoles.Admin, null);
        staff.Create("wucheng", Password, StaffRoles.Staff, "婺城区");
        using var admin = As(server, "admin");
        using var district = As(server, "wucheng");
        await using var adminEvents = await EventReader.OpenAsync(admin);
        await using var districtEvents = await EventReader.OpenAsync(district);

        var raised = await server.Get<AdminAlerts>().RaiseAsync("test.alert", "测试提醒：请查看。", DateTimeOffset.UtcNow.AddHours(1), default);
        server.Get<EscalationEvents>().Publish(new EscalationChange("0123456789abcdef01234567", "婺城区", "opened"));

        var pushed = await adminEvents.NextAsync("alert");
        Assert.Equal((raised.Id.ToString(), "test.alert"), (pushed.GetProperty("id").GetString(), pushed.GetProperty("what").GetString()));
        // The district's console gets the escalation that came after the alert, and never the alert.
        Assert.Equal("escalation", (await districtEvents.NextAnyAsync()).Type);

        var listed = JsonDocument.Parse(await admin.GetStringAsync("/api/staff/alerts")).RootElement.EnumerateArray().Single();
        Assert.Equal("测试提醒：请查看。", listed.GetProperty("message").GetString());
        Assert.EndsWith("+08:00", listed.GetProperty("at").GetString());
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/api/staff/alerts")).StatusCode);
    }

    [Fact]
    public async Task A_failing_channel_does_not_lose_the_alert_or_stop_the_other_channels()
    {
        var recorded = new RecordingChannel();
        await using var bot = BotHarness.Create(services: s =>
        {
            s.AddSingleton<IAdminAlertChannel>(new FailingChannel());
            s.AddSingleton<IAdminAlertChannel>(recorded);
        });

        await bot.Get<AdminAlerts>().RaiseAsync("test.alert", "测试", null, default);

        Assert.Equal("test.alert", Assert.Single(recorded.Alerts).Kind);
        Assert.Equal("test.alert", Assert.Single(bot.Get<AdminAlerts>().Recent()).Kind);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("not delivered on FailingChannel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_older_than_the_retention_are_deleted()
    {
        await using var bot = BotHarness.Create();
        var alerts = bot.Get<AdminAlerts>();
        await alerts.RaiseAsync("old", "旧提醒", null, default);
        bot.Time.Advance(AdminAlerts.Retention + TimeSpan.FromDays(1));
        await alerts.RaiseAsync("new", "新提醒", null, default);
        Assert.Equal(["new"], alerts.Recent().Select(a => a.Kind));
    }

    private sealed class FailingChannel : IAdminAlertChannel
    {
        public Task DeliverAsync(AdminAlert alert, CancellationToken cancellationToken) => throw new HttpRequestException("channel down");
    }

    private sealed class RecordingChannel : IAdminAlertChannel
    {
        public List<AdminAlert> Alerts { get; } = [];

        public Task DeliverAsync(AdminAlert alert, CancellationToken cancellationToken)
        {
            Alerts.Add(alert);
            return Task.CompletedTask;
        }
    }
}
