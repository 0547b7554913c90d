using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hosting;

/// <summary>Operator commands given a wrong argument: a short message saying what to do, exit code 1, nothing changed.</summary>
public sealed class OperatorCommandErrorTests
{
    [Theory]
    [InlineData("roster", "import", "--kind", "volunteer")]
    [InlineData("hours", "import")]
    public async Task Importing_a_missing_or_unreadable_file_says_so_without_a_stack_trace(params string[] command)
    {
        using var data = new TempDirectory();
        foreach (var path in new[] { data.File("no-such.csv"), data.Path })
        {
            var (code, _, stderr) = await CliProcess.RunAsync(data.Path, [.. command, path]);
            Assert.Equal(1, code);
            Assert.Contains("无法读取文件", stderr);
            Assert.Contains(path, stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    [Fact]
    public async Task A_token_for_a_disabled_account_is_refused_instead_of_printed()
    {
        using var data = new TempDirectory();
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
            server.Get<StaffStore>().Create("lin", "a long enough password", StaffRoles.Staff, "婺城区");
        Assert.Equal(0, (await CliProcess.RunAsync(data.Path, "staff", "disable", "lin")).Code);

        var (code, stdout, stderr) = await CliProcess.RunAsync(data.Path, "staff", "token", "lin");
        Assert.Equal(1, code);
        Assert.DoesNotContain("ca_", stdout);
        Assert.Contains("staff enable lin", stderr);
    }
}
