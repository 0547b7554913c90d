using System.Net;
using System.Net.Http.Json;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Staff;

/// <summary>
/// The per-address sign-in lock-out with two instances behind one Redis (real redis-server, real HTTP): wrong
/// passwords from one address count together whichever instance they reach, and an outage of Redis neither locks
/// members out nor lifts the limit.
/// </summary>
public sealed class StaffSignInRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Password = "correct horse battery";

    private static async Task<HttpStatusCode> LoginFrom(AssistantServer server, string clientAddress, string userName, string password)
    {
        using var client = server.CreateClient(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/login") { Content = JsonContent.Create(new { userName, password }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<(AssistantServer A, AssistantServer B)> TwoInstancesAsync()
    {
        var settings = redis.DeploymentSettings();
        var a = await AssistantServer.StartAsync(settings);
        var b = await AssistantServer.StartAsync(settings);
        // Each test instance has its own records file, so the account is made on both (a deployment shares one).
        foreach (var server in new[] { a, b }) server.Get<StaffStore>().Create("admin", Password, StaffRoles.Admin, null);
        return (a, b);
    }

    [SkippableFact]
    public async Task Wrong_passwords_from_one_address_split_over_two_instances_lock_it_out_after_five_in_all()
    {
        redis.Require();
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);

        // Five wrong passwords from one address, alternating A, B, A, B, A: three on A and two on B, so neither
        // instance alone has seen five, yet the fifth locks the address out.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < StaffSignIn.MaxFailedSignIns; i++) statuses.Add(await LoginFrom(i % 2 == 0 ? a : b, "203.0.113.5", "admin", "guess " + i));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, StaffSignIn.MaxFailedSignIns - 1), statuses.Take(StaffSignIn.MaxFailedSignIns - 1));
        Assert.Equal(HttpStatusCode.Locked, statuses[^1]);

        // The right password from that address is refused on both; from another address the member signs in.
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom(a, "203.0.113.5", "admin", Password));
        Assert.Equal(HttpStatusCode.Locked, await LoginFrom(b, "203.0.113.5", "admin", Password));
        Assert.Equal(HttpStatusCode.OK, await LoginFrom(b, "198.51.100.7", "admin", Password));

        // An admin's unlock on one instance lifts the lock-out on the other.
        await a.Get<StaffSignIn>().UnlockAsync("admin");
        Assert.Equal(HttpStatusCode.OK, await LoginFrom(b, "203.0.113.5", "admin", Password));
        // Nothing of it is kept in either instance's memory: it is all in Redis.
        Assert.Equal(0, a.Get<StaffSignIn>().TrackedFailures + b.Get<StaffSignIn>().TrackedFailures);
    }

    [SkippableFact]
    public async Task While_Redis_is_down_members_still_sign_in_and_each_instance_counts_for_itself()
    {
        redis.Require();
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        Assert.Equal(HttpStatusCode.OK, await LoginFrom(a, "198.51.100.7", "admin", Password)); // the cookie key ring is loaded
        redis.Stop();
        try
        {
            // Nobody is locked out by the outage ...
            Assert.Equal(HttpStatusCode.OK, await LoginFrom(a, "198.51.100.8", "admin", Password));
            // ... and a guesser still gets five tries on the instance, not unlimited ones.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < StaffSignIn.MaxFailedSignIns + 1; i++) statuses.Add(await LoginFrom(a, "203.0.113.9", "admin", "guess " + i));
            Assert.Equal(HttpStatusCode.Unauthorized, statuses[StaffSignIn.MaxFailedSignIns - 2]);
            Assert.Equal(HttpStatusCode.Locked, statuses[StaffSignIn.MaxFailedSignIns - 1]);
            Assert.Equal(HttpStatusCode.Locked, statuses[^1]);
            Assert.Equal(1, a.Get<StaffSignIn>().TrackedFailures);
        }
        finally
        {
            redis.Restart();
        }
    }
}
