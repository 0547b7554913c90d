using System.Net;
using ChatAssistant.Guide.Editing;
using ChatAssistant.Knowledge;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Guide;

/// <summary>
/// Two assistants sharing one Redis and one PostgreSQL database: a guide change published through one is answered by
/// the other at once (the reload signal), and a change that reached the records without a signal (an import run from
/// the command line, a signal lost) is loaded by the other within <c>Guide:PublishedCheckInterval</c>.
/// </summary>
public sealed class GuideAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private PostgresDatabase? _database;

    public void Dispose() => _database?.Dispose();

    [SkippableFact]
    public async Task A_change_published_on_one_instance_is_answered_by_the_other()
    {
        redis.Require();
        _database = PostgresServer.CreateDatabase();
        var settings = redis.DeploymentSettings(more: ("Guide:PublishedCheckInterval", "00:00:01"));
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        await using var a = await AssistantServer.StartAsync(settings);
        await using var b = await AssistantServer.StartAsync(settings);
        a.Get<StaffStore>().Create("admin", ConsoleServer.Password, StaffRoles.Admin, null, "管理员");
        using var admin = await StaffSession.SignInAsync(a, "admin", ConsoleServer.Password);
        var onB = b.Get<GuideLibrary>().Shared;
        Assert.IsType<GuideResult.NotSure>(onB.Ask("社区食堂的饭卡丢了去哪补办"));

        // Through the console of A.
        var canteen = new GuideEntry("canteen-card", "社区食堂饭卡补办", ["社区食堂饭卡丢了怎么补办", "饭卡补办去哪里", "食堂饭卡挂失", "老年食堂饭卡丢了补卡", "社区食堂卡补办要带什么"],
            "社区食堂的饭卡丢了，带身份证到社区服务中心挂失补办。", ["社区"], "团区委（工作台编写）", "");
        var draft = a.Get<GuideEditor>().SaveDraft(canteen, isNew: true, "staff:admin").Revision!;
        using (var published = await admin.PostAsync($"/api/staff/guide/drafts/{draft.Id}/publish"))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True(SpinWait.SpinUntil(() => onB.Find("canteen-card") is not null, Patience), "B did not load the change published on A");
        Assert.Equal("canteen-card", Assert.IsType<GuideResult.Answer>(onB.Ask("社区食堂的饭卡丢了去哪补办")).Entry.Id);

        // Straight into the shared records, as an import from another machine's command line would: no signal at all.
        var register = onB.Find("vol-register")!;
        var revision = GuideRevision.DraftOf(register with { Answer = register.Answer + "（命令行导入）" }, basedOn: 0);
        (revision.Status, revision.Author, revision.PublishedBy, revision.PublishedAt) = (GuideRevisionStatus.Published, GuideCommands.Actor, GuideCommands.Actor, DateTimeOffset.UtcNow);
        a.Get<GuideRevisions>().Add(revision);
        Assert.True(SpinWait.SpinUntil(() => onB.Find("vol-register")!.Answer.EndsWith("（命令行导入）", StringComparison.Ordinal), Patience), "B did not notice the change in the records");
        Assert.True(SpinWait.SpinUntil(() => a.Get<GuideLibrary>().Shared.Find("vol-register")!.Answer.EndsWith("（命令行导入）", StringComparison.Ordinal), Patience));
    }
}
