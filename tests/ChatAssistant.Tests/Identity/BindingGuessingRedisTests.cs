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
/// Two instances behind one Redis (real redis-server) count wrong binding codes into one number: a guesser who
/// spreads over the instances is paused all the same, and the pause is audited and announced once.
/// </summary>
public sealed class BindingGuessingRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task Wrong_codes_on_two_instances_count_together_and_pause_both()
    {
        redis.Require();
        var settings = redis.DeploymentSettings(more: ("Identity:MaxWrongCodesPerHour", "6"));
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var a = await AssistantServer.StartAsync(settings, s => s.AddSingleton<TimeProvider>(time));
        await using var b = await AssistantServer.StartAsync(settings, s => s.AddSingleton<TimeProvider>(time));
        foreach (var server in new[] { a, b })
        {
            server.Get<StaffStore>().Create("admin", "a long admin password", StaffRoles.Admin, null);
            Assert.True(server.Get<IdentityService>().Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n")).Ok);
        }
        var code = b.Get<IdentityService>().IssueCode(RosterKind.Delegate, "D001").Code;
        async Task<string> Say(AssistantServer server, string text, string openId) => string.Join("\n", await BotHarness.SayAsync(server.Services, text, openId));

        // Three wrong codes on each instance, each from its own OpenID: six in all, the limit.
        for (var i = 0; i < 6; i++)
            Assert.Contains("绑定码不正确", await Say(i % 2 == 0 ? a : b, "绑定 " + (code == "12345678" ? "87654321" : "12345678"), $"guesser-{i}"));

        // Neither instance checks a code now, not even the right one on the instance that issued it.
        Assert.Contains("绑定暂时不可用", await Say(b, "绑定 " + code, "newcomer"));
        Assert.Contains("绑定暂时不可用", await Say(a, "绑定 " + code, "newcomer"));
        Assert.Null(b.Get<IdentityService>().FindByOpenId(RosterKind.Delegate, "newcomer"));

        // One audit row and one alert, on whichever instance reached the limit.
        Assert.Equal(1, a.Get<AuditLog>().Recent(10, "identity:binding").Count + b.Get<AuditLog>().Recent(10, "identity:binding").Count);
        var alerts = 0;
        foreach (var server in new[] { a, b })
        {
            using var admin = server.CreateClient(cookies: false);
            admin.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue("admin", "test"));
            var response = await admin.GetAsync("/api/staff/alerts");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            alerts += JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
        }
        Assert.Equal(1, alerts);

        // The next hour, on either instance.
        time.Advance(TimeSpan.FromHours(1));
        Assert.Contains("绑定成功", await Say(b, "绑定 " + code, "newcomer"));
    }
}
