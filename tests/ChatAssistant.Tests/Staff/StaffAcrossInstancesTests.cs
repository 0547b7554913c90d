using System.Net;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Staff;

/// <summary>
/// Two assistants sharing one Redis (the key ring, the sign-in counters) and one PostgreSQL database (the accounts,
/// the sign-outs), over real HTTP: an account made through one signs in on the other, a cookie issued by one works on
/// the other, and a sign-out or a disable through one ends the session on both.
/// </summary>
public sealed class StaffAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string Password = "correct horse battery";
    private PostgresDatabase? _database;

    public void Dispose() => _database?.Dispose();

    private async Task<(AssistantServer A, AssistantServer B)> TwoInstancesAsync()
    {
        redis.Require();
        _database = PostgresServer.CreateDatabase();
        var settings = redis.DeploymentSettings();
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        return (await AssistantServer.StartAsync(settings), await AssistantServer.StartAsync(settings));
    }

    private static HttpClient CopyOf(StaffSession session, AssistantServer issuer, AssistantServer other)
    {
        var client = other.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Add("Cookie", session.CookieHeader(issuer.BaseAddress));
        return client;
    }

    [SkippableFact]
    public async Task A_cookie_from_one_instance_works_on_the_other_until_a_sign_out_or_a_disable_through_either()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        Assert.NotEqual(a.BaseAddress.Port, b.BaseAddress.Port);
        a.Get<StaffStore>().Create("lin", Password, StaffRoles.Staff, "婺城区"); // once: the records are shared
        Assert.Equal(["lin"], b.Get<StaffStore>().All().Select(s => s.UserName));

        using (var lin = await StaffSession.SignInAsync(a, "lin", Password))
        {
            using var onB = CopyOf(lin, a, b);
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/staff/me")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await lin.PostAsync("/api/staff/logout")).StatusCode); // signed out on A
            Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/staff/me")).StatusCode);
        }

        using (var lin = await StaffSession.SignInAsync(b, "lin", Password))
        {
            using var onA = CopyOf(lin, b, a);
            Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/staff/me")).StatusCode);
            a.Get<StaffStore>().SetDisabled("lin", true); // an admin's disable through A
            Assert.Equal(HttpStatusCode.Unauthorized, (await lin.GetAsync("/api/staff/me")).StatusCode); // B's own session ends
            Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/staff/me")).StatusCode);
        }
    }
}
