using System.Net;
using System.Text;
using System.Text.Json;
using ChatAssistant.Audit;
using ChatAssistant.Tests.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Identity;

public sealed class RosterApiTests
{
    [Fact]
    public async Task Staff_import_a_roster_over_HTTP_and_bad_lines_are_listed()
    {
        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("admin", "a long admin password", StaffRoles.Admin, null);
        using var client = server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue("admin", "test"));

        var good = await client.PostAsync("/api/staff/rosters/delegate/import", new StringContent("id,name,district\nD1,张三,天台县\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.NotNull(server.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D1"));

        var bad = await client.PostAsync("/api/staff/rosters/delegate/import", new StringContent("id,name,district\nD2,,天台县\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"line\":2", await bad.Content.ReadAsStringAsync());
        Assert.Null(server.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D2"));
    }

    private static HttpClient As(AssistantServer server, string user)
    {
        var client = server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffTokens>().Issue(user, "test"));
        return client;
    }

    [Fact]
    public async Task A_GBK_roster_is_refused_with_400_and_nothing_is_imported()
    {
        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("admin", "a long admin password", StaffRoles.Admin, null);
        using var admin = As(server, "admin");

        var response = await admin.PostAsync("/api/staff/rosters/volunteer/import", new ByteArrayContent(NonUtf8ImportTests.Gbk("id,name,district\nV1,李四,嵊州市\n")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(StaffTexts.NotUtf8, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Empty(server.Get<IdentityService>().Members(RosterKind.Volunteer));
    }

    [Fact]
    public async Task Staff_unbind_a_person_of_their_district_and_it_is_audited()
    {
        await using var server = await AssistantServer.StartAsync();
        var staff = server.Get<StaffStore>();
        staff.Create("sz", "a long staff password", StaffRoles.Staff, "嵊州市");
        staff.Create("jh", "a long staff password", StaffRoles.Staff, "金华市");
        var identity = server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV1,李四,嵊州市\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("old-phone", identity.IssueCode(RosterKind.Volunteer, "V1").Code)).Status);
        using var sz = As(server, "sz");
        using var jh = As(server, "jh");

        Assert.Equal(HttpStatusCode.NotFound, (await jh.PostAsync("/api/staff/rosters/volunteer/V1/unbind", null)).StatusCode);
        Assert.NotNull(identity.FindByOpenId(RosterKind.Volunteer, "old-phone"));
        Assert.Equal(HttpStatusCode.OK, (await sz.PostAsync("/api/staff/rosters/volunteer/V1/unbind", null)).StatusCode);
        Assert.Null(identity.FindByOpenId(RosterKind.Volunteer, "old-phone"));
        Assert.Equal(HttpStatusCode.Conflict, (await sz.PostAsync("/api/staff/rosters/volunteer/V1/unbind", null)).StatusCode);

        var audit = Assert.Single(server.Get<AuditLog>().Recent(subject: "roster:volunteer:V1"));
        Assert.Equal(("staff:sz", "roster.unbind"), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task Reading_a_roster_and_issuing_a_binding_code_are_audited_without_names_or_the_code()
    {
        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("sz", "a long staff password", StaffRoles.Staff, "嵊州市");
        var identity = server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV1,李四,嵊州市\nV2,王五,金华市\n")).Ok);
        using var sz = As(server, "sz");

        var list = await sz.GetStringAsync("/api/staff/rosters/volunteer");
        Assert.Contains("李四", list);
        Assert.DoesNotContain("王五", list);
        var issued = JsonDocument.Parse(await (await sz.PostAsync("/api/staff/rosters/volunteer/V1/code", null)).Content.ReadAsStringAsync()).RootElement;
        var code = issued.GetProperty("code").GetString()!;

        var rows = server.Get<AuditLog>().Recent(actor: "staff:sz");
        var read = Assert.Single(rows, e => e.Action == "roster.list");
        Assert.Equal(("roster:volunteer", "1 members"), (read.Subject, read.Detail));
        var coded = Assert.Single(rows, e => e.Action == "roster.code");
        Assert.Equal("roster:volunteer:V1", coded.Subject);
        Assert.All(rows, e => Assert.DoesNotContain(code, (e.Subject + e.Detail)));
        Assert.All(rows, e => Assert.DoesNotContain("李四", (e.Subject + e.Detail)));
    }
}
