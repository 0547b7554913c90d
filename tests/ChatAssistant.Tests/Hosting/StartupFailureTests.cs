using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hosting;

/// <summary>
/// What an operator sees when the assistant cannot start: one message naming the setting or file, exit code 2,
/// no stack trace, and nothing written to the records file.
/// </summary>
public sealed class StartupFailureTests
{
    private static readonly string[] Serve = ["--urls", "http://127.0.0.1:0"];

    [Fact]
    public async Task A_bad_setting_stops_the_server_before_it_writes_anything_and_without_a_stack_trace()
    {
        using var data = new TempDirectory();
        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, new Dictionary<string, string> { ["Hours__PointsPerHour"] = "0" }, Serve);
        Assert.Equal(2, code);
        Assert.Contains("'Hours:PointsPerHour'", stderr);
        AssertNoStackTrace(stderr);
        Assert.False(File.Exists(data.File("assistant.db")), "the records file was written before the settings were checked");
    }

    [Fact]
    public async Task A_value_that_is_not_its_settings_type_is_named_for_the_server_and_the_commands()
    {
        using var data = new TempDirectory();
        await AssertBothStopNamingAsync(data, new Dictionary<string, string> { ["Redis__SessionTtl"] = "half an hour" }, "'Redis:SessionTtl'");
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_names_the_setting()
    {
        using var data = new TempDirectory();
        File.WriteAllText(data.File("not-a-folder"), "x");
        await AssertBothStopNamingAsync(data, new Dictionary<string, string> { ["Storage__DataDirectory"] = data.File("not-a-folder") }, "Storage:DataDirectory");
    }

    // The server and an operator command (staff list) both stop with exit code 2, naming the setting, without a stack trace.
    private static async Task AssertBothStopNamingAsync(TempDirectory data, Dictionary<string, string> environment, string named)
    {
        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, environment, Serve);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr);
        AssertNoStackTrace(stderr);

        var (listCode, _, listError) = await CliProcess.RunAsync(data.Path, environment, "staff", "list");
        Assert.Equal(2, listCode);
        Assert.Contains(named, listError);
        AssertNoStackTrace(listError);
    }

    [Fact]
    public async Task A_damaged_records_file_is_named_for_the_server_and_the_commands()
    {
        using var data = new TempDirectory();
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(data.File("assistant.db"), bytes);

        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, Serve);
        Assert.Equal(2, code);
        Assert.Contains("assistant.db is damaged", stderr);
        AssertNoStackTrace(stderr);

        var (listCode, _, listError) = await CliProcess.RunAsync(data.Path, "staff", "list");
        Assert.Equal(2, listCode);
        Assert.Contains("assistant.db is damaged", listError);
    }

    [Fact]
    public async Task A_guide_folder_that_is_not_there_or_a_menu_entry_it_lacks_is_named_without_a_stack_trace()
    {
        using var data = new TempDirectory();
        var (code, stdout, stderr) = await CliProcess.RunAsync(data.Path,
            new Dictionary<string, string> { ["Guide__ContentDirectory"] = data.File("no-such-guide") }, Serve);
        Assert.Equal(2, code);
        Assert.Contains("no-such-guide", stderr);
        AssertNoStackTrace(stderr);
        AssertNoStackTrace(stdout); // the host's own log of a failed start-up goes to standard output

        var (menuCode, menuOut, menuError) = await CliProcess.RunAsync(data.Path,
            new Dictionary<string, string> { ["Guide__MenuEntries__0"] = "no-such-entry" }, Serve);
        Assert.Equal(2, menuCode);
        Assert.Contains("Guide:MenuEntries:0", menuError);
        AssertNoStackTrace(menuError);
        AssertNoStackTrace(menuOut);
    }

    private static void AssertNoStackTrace(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
    }
}
