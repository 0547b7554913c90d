using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Identity;

/// <summary>
/// Two assistants whose rosters are one PostgreSQL database: a code binds once whichever instances it is typed on,
/// and a binding or an unbinding made on one is what the other sees at once (nothing is cached per process).
/// </summary>
public sealed class IdentityAcrossInstancesTests : IDisposable
{
    private PostgresDatabase? _database;

    public void Dispose() => _database?.Dispose();

    private Task<AssistantServer> StartAsync()
    {
        _database ??= PostgresServer.CreateDatabase(); // in the test, so a missing PostgreSQL skips it (fails under CI=true)
        return AssistantServer.StartAsync(new Dictionary<string, string?>(_database.Settings()));
    }

    [SkippableFact]
    public async Task Twenty_people_typing_one_code_on_two_instances_bind_one_account()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        Assert.True(a.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV1,甲,天台县\n")).Ok);
        var code = b.Get<IdentityService>().IssueCode(RosterKind.Volunteer, "V1").Code; // a code issued by B binds on A

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Who: $"openid-{i}", (await (i % 2 == 0 ? a : b).Get<IdentityService>().BindWithCodeAsync($"openid-{i}", code)).Status);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        var bound = Assert.Single(outcomes, o => o.Status == BindStatus.Bound);
        Assert.All(outcomes.Where(o => o.Status != BindStatus.Bound), o => Assert.Equal(BindStatus.AlreadyUsed, o.Status));
        Assert.Equal("V1", a.Get<IdentityService>().FindByOpenId(RosterKind.Volunteer, bound.Who)!.MemberId);
        Assert.Equal("V1", b.Get<IdentityService>().FindByOpenId(RosterKind.Volunteer, bound.Who)!.MemberId);
    }

    [SkippableFact]
    public async Task A_binding_and_an_unbinding_on_one_instance_are_what_the_other_sees_next()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        Assert.True(a.Get<IdentityService>().Import(RosterKind.Delegate, new StringReader("id,name,district\nD1,乙,临海市\n")).Ok);
        Assert.Null(b.Get<IdentityService>().BoundMember("openid-d1")); // B has looked before the binding

        var code = a.Get<IdentityService>().IssueCode(RosterKind.Delegate, "D1").Code;
        Assert.Equal(BindStatus.Bound, (await a.Get<IdentityService>().BindWithCodeAsync("openid-d1", code)).Status);
        Assert.Equal("D1", b.Get<IdentityService>().BoundMember("openid-d1")!.MemberId);

        Assert.True(b.Get<IdentityService>().Unbind(RosterKind.Delegate, "D1"));
        Assert.Null(a.Get<IdentityService>().BoundMember("openid-d1"));
        // The code was used: typed again on B it binds nobody.
        Assert.Equal(BindStatus.AlreadyUsed, (await b.Get<IdentityService>().BindWithCodeAsync("openid-other", code)).Status);
    }
}
