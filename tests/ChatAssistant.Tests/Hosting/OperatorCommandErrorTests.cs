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
}
