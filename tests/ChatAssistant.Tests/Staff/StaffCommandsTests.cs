using System.Net;
using System.Net.Http.Json;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Staff;

/// <summary>The operator's `staff disable` / `staff enable` on the records file (server stopped, as the CLI requires).</summary>
public sealed class StaffCommandsTests
{
    [Fact]
    public async Task Staff_disable_and_enable_from_the_command_line()
    {
        using var data = new TempDirectory();
        const string password = "a long enough password";
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            server.Get<StaffStore>().Create("mei", password, StaffRoles.Staff, "婺城区");

        var (code, stdout, _) = await CliProcess.RunAsync(data.Path, "staff", "disable", "mei");
        Assert.Equal((0, "Disabled 'mei'."), (code, stdout.Trim()));
        var (_, list, _) = await CliProcess.RunAsync(data.Path, "staff", "list");
        Assert.Contains("mei\tstaff\t婺城区\tdisabled", list);
        var (unknown, _, error) = await CliProcess.RunAsync(data.Path, "staff", "disable", "nobody");
        Assert.Equal(1, unknown);
        Assert.Contains("nobody", error);

        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        using (var client = server.CreateClient())
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/staff/login", new { userName = "mei", password })).StatusCode);

        Assert.Equal(0, (await CliProcess.RunAsync(data.Path, "staff", "enable", "mei")).Code);
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        using (var client = server.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/staff/login", new { userName = "mei", password })).StatusCode);
    }

    [Fact]
    public async Task Staff_update_from_the_command_line_moves_a_member_and_refuses_bad_input()
    {
        using var data = new TempDirectory();
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            server.Get<StaffStore>().Create("mei", "a long enough password", StaffRoles.Staff, "婺城区");

        var (code, stdout, _) = await CliProcess.RunAsync(data.Path, "staff", "update", "mei", "--scope", "金东区", "--display-name", "金东小梅");
        Assert.Equal(0, code);
        Assert.Contains("signs in again", stdout);
        var (_, list, _) = await CliProcess.RunAsync(data.Path, "staff", "list");
        Assert.Contains("mei\tstaff\t金东区", list);
        var (bad, _, error) = await CliProcess.RunAsync(data.Path, "staff", "update", "mei", "--role", "boss");
        Assert.Equal(1, bad);
        Assert.Contains("boss", error);
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        {
            var mei = server.Get<StaffStore>().Find("mei")!;
            Assert.Equal((StaffRoles.Staff, "金东区", "金东小梅"), (mei.Role, mei.Scope, mei.DisplayName));
        }
    }
}
