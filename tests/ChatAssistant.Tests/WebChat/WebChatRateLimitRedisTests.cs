using System.Net;
using System.Net.Http.Json;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.WebChat;

/// <summary>The web chat's rate limit with two instances behind one Redis (real redis-server, real HTTP): one budget for the deployment.</summary>
public sealed class WebChatRateLimitRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [SkippableFact]
    public async Task A_visitor_alternating_between_two_instances_is_cut_at_the_per_minute_limit_in_all()
    {
        redis.Require();
        var settings = redis.DeploymentSettings(more: ("WebChat:MessagesPerMinute", "3"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 6, 30, 10, TimeSpan.Zero)); // one minute throughout
        await using var a = await AssistantServer.StartAsync(settings, s => s.AddSingleton<TimeProvider>(time));
        await using var b = await AssistantServer.StartAsync(settings, s => s.AddSingleton<TimeProvider>(time));
        // One browser: its visitor cookie, sealed with the key ring both instances share, goes to either.
        var jar = new CookieContainer();
        using var toA = a.CreateClient(jar);
        using var toB = b.CreateClient(jar);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await (i % 2 == 0 ? toA : toB).PostAsJsonAsync("/api/webchat/messages", new { text = "菜单" });
            statuses.Add(response.StatusCode);
        }

        // The fourth is B's second: B alone would have let it through.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);

        time.Advance(TimeSpan.FromMinutes(1));
        using var nextMinute = await toB.PostAsJsonAsync("/api/webchat/messages", new { text = "菜单" });
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }
}
