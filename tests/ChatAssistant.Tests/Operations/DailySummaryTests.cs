using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Escalation;
using ChatAssistant.Operations;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Operations;

/// <summary>The admins' daily summary: yesterday's figures and what is overdue, once a day from 08:00 Beijing, in the console's alerts.</summary>
public sealed class DailySummaryTests
{
    [Fact]
    public async Task From_eight_oclock_the_admins_get_yesterdays_figures_and_what_is_overdue_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T23:30:00Z", System.Globalization.CultureInfo.InvariantCulture)); // 07:30 Beijing
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?> { ["Operations:DailySummaryAt"] = "08:00" },
            s => s.AddSingleton<TimeProvider>(time));
        var db = server.Get<ILiteDatabase>();
        var tally = server.Get<DailyTally>();
        var counts = db.GetCollection<DailyCount>(ChatAssistant.Operations.LiteDb.LiteDailyCountStore.Collection);
        foreach (var (kind, n) in new[] { (DailyTally.Messages, 40L), (AssistantTelemetry.Kinds.Answered, 15L), (AssistantTelemetry.Kinds.Clarified, 3L), (AssistantTelemetry.Kinds.NotSure, 2L) })
            counts.Insert(new DailyCount { Id = $"2026-11-25|婺城区|{kind}|", Day = "2026-11-25", County = "婺城区", Kind = kind, Count = n });
        server.Get<EscalationStore>().Open(new EscalationRecord
        {
            ChannelId = "wechat", UserId = "oLate", ConversationId = "oLate", ConversationKey = "wechat|oLate", Status = EscalationStatus.Waiting,
            CreatedAt = time.GetUtcNow().AddDays(-2),
        });
        var summary = server.Get<DailySummary>();

        int Raised() => ChatAssistant.Alerts.LiteDb.LiteAdminAlertStore.Documents(db).All().Count(a => a.Kind == DailySummary.Kind);
        Assert.Null(await summary.RunOnceAsync(default)); // 07:30: not yet
        Assert.Equal(0, Raised());
        time.Advance(TimeSpan.FromMinutes(31)); // the service's own minute may raise it first
        await summary.RunOnceAsync(default);
        Assert.Null(await summary.RunOnceAsync(default)); // once a day
        Assert.Equal(1, Raised());

        server.Get<StaffStore>().Create("admin", "a long enough password", StaffRoles.Admin, null);
        using var client = server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue("admin", "test"));
        var alerts = await client.GetFromJsonAsync<JsonElement>("/api/staff/alerts");
        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("kind").GetString() == DailySummary.Kind);
        var text = alert.GetProperty("message").GetString()!;
        Assert.Contains("11月25日", text, StringComparison.Ordinal);
        Assert.Contains("消息 40 条", text, StringComparison.Ordinal);
        Assert.Contains("直接答上 75%", text, StringComparison.Ordinal); // 15 of 20 questions
        Assert.Contains("超时未接手 1 个", text, StringComparison.Ordinal);
        Assert.True(alert.GetProperty("active").GetBoolean());

        // The next day's comes the next morning.
        time.Advance(TimeSpan.FromDays(1));
        await summary.RunOnceAsync(default);
        Assert.Equal(2, Raised());
    }
}
