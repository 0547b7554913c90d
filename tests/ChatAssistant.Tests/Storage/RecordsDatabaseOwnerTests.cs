using ChatAssistant.Identity;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// One process at a time owns the records file: LiteDB's direct mode alone let the operator CLI write it while
/// the server ran (two caches over one file, and the server's in-memory rosters would not see the change).
/// </summary>
public sealed class RecordsDatabaseOwnerTests
{
    [Fact]
    public void A_second_open_of_the_same_file_is_refused_until_the_first_is_closed()
    {
        using var data = new TempDirectory();
        var path = Path.Combine(data.Path, "records.db");
        var first = RecordsDatabase.Open(path);
        var refused = Assert.Throws<RecordsDatabaseInUseException>(() => RecordsDatabase.Open(path));
        Assert.Contains("in use by another process", refused.Message);
        first.Dispose();
        using var second = RecordsDatabase.Open(path);
        Assert.NotNull(second.GetCollectionNames());
    }

    [Fact]
    public async Task The_cli_refuses_to_write_while_the_server_runs_and_works_once_it_stopped()
    {
        using var data = new TempDirectory();
        var csv = Path.Combine(data.Path, "roster.csv");
        await File.WriteAllTextAsync(csv, "id,name,district\nD7,张三,天台县\n");

        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        {
            var (code, _, stderr) = await CliProcess.RunAsync(data.Path, "roster", "import", "--kind", "delegate", csv);
            Assert.Equal(3, code);
            Assert.Contains("is in use by another process", stderr);
            Assert.Null(server.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D7"));
        }

        var (after, _, _) = await CliProcess.RunAsync(data.Path, "roster", "import", "--kind", "delegate", csv);
        Assert.Equal(0, after);
        await using var restarted = await AssistantServer.StartAsync(dataDirectory: data.Path);
        Assert.Equal("张三", restarted.Get<IdentityService>().FindByMemberId(RosterKind.Delegate, "D7")!.Name);
    }
}
