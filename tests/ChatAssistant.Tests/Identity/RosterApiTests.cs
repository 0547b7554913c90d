using System.Net;
using System.Text;
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
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Get<StaffStore>().IssueToken("admin", "test"));

        var good = await client.PostAsync("/api/staff/rosters/delegate/import", new StringContent("id,name,district\nD1,张三,天台县\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.NotNull(server.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D1"));

        var bad = await client.PostAsync("/api/staff/rosters/delegate/import", new StringContent("id,name,district\nD2,,天台县\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"line\":2", await bad.Content.ReadAsStringAsync());
        Assert.Null(server.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D2"));
    }
}
