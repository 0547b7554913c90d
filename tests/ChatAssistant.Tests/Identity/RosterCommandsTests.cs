using System.Globalization;
using System.Text.RegularExpressions;
using ChatAssistant.Audit;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Hours;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Identity;

/// <summary>The operator's `roster` commands on the records file (server stopped, as the CLI requires).</summary>
public sealed class RosterCommandsTests
{
    [Fact]
    public async Task Roster_commands_refuse_GBK_show_code_expiry_in_Beijing_time_and_unbind_with_an_audit_entry()
    {
        using var data = new TempDirectory("ca-roster-cli");
        File.WriteAllBytes(data.File("gbk.csv"), NonUtf8ImportTests.Gbk("id,name,district\nV1,李四,嵊州市\n"));
        var (refused, _, error) = await CliProcess.RunAsync(data.Path, "roster", "import", "--kind", "volunteer", data.File("gbk.csv"));
        Assert.Equal(1, refused);
        Assert.Contains(StaffTexts.NotUtf8, error);

        File.WriteAllText(data.File("roster.csv"), "id,name,district\nV1,李四,嵊州市\n");
        Assert.Equal(0, (await CliProcess.RunAsync(data.Path, "roster", "import", "--kind", "volunteer", data.File("roster.csv"))).Code);

        var (issued, stdout, _) = await CliProcess.RunAsync(data.Path, "roster", "code", "--kind", "volunteer", "V1");
        Assert.Equal(0, issued);
        var match = Regex.Match(stdout, @"(\d{8})  \(expires (\d{4}-\d\d-\d\d \d\d:\d\d) Beijing time");
        Assert.True(match.Success, stdout);
        var expires = new DateTimeOffset(DateTime.ParseExact(match.Groups[2].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
        var expected = TimeProvider.System.GetUtcNow() + IdentityService.CodeLifetime;
        Assert.InRange(expires, expected.AddMinutes(-5), expected.AddMinutes(1));

        var (notBound, _, notBoundError) = await CliProcess.RunAsync(data.Path, "roster", "unbind", "--kind", "volunteer", "V1");
        Assert.Equal((1, IdentityTexts.NothingToUnbind), (notBound, notBoundError.Trim()));
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            Assert.Equal(BindStatus.Bound, (await server.Get<IdentityService>().BindWithCodeAsync("old-phone", match.Groups[1].Value)).Status);

        Assert.Equal(0, (await CliProcess.RunAsync(data.Path, "roster", "unbind", "--kind", "volunteer", "V1")).Code);
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        {
            Assert.Null(server.Get<IdentityService>().FindByOpenId(RosterKind.Volunteer, "old-phone"));
            Assert.Equal("operator:cli", Assert.Single(server.Get<AuditLog>().Recent(subject: "roster:volunteer:V1")).Actor);
        }
    }
}
