using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hosting;

/// <summary>Liveness and readiness apart: an instance whose Redis is gone is alive (do not restart it) but not ready (take it out of rotation).</summary>
public sealed class HealthEndpointTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task With_its_stores_up_the_server_is_live_and_ready_and_names_the_checks_it_ran()
    {
        redis.Require();
        await using var server = await AssistantServer.StartAsync(redis.DeploymentSettings());
        using var client = server.CreateClient();
        using var live = await client.GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("redis").GetString());
        Assert.Equal("Healthy", checks.GetProperty("litedb").GetString());
    }

    [Fact]
    public async Task Without_its_Redis_the_server_is_live_but_not_ready()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = $"127.0.0.1:{port},abortConnect=false,connectTimeout=200",
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(new byte[32]), // a deployment (Redis) needs its field key
        });
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("redis").GetString());
    }
}
