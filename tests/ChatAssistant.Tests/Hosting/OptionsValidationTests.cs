using System.Diagnostics;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "TimeZone")]
    [InlineData("Storage:CheckpointInterval", "-00:01:00", "Storage:CheckpointInterval")]
    [InlineData("Hours:CatalogueFile", "/no/such/folder/catalogue.yaml", "Hours:CatalogueFile")]
    [InlineData("Guide:MenuEntries:0", "vol-registr", "Guide:MenuEntries:0")]
    [InlineData("Guide:MenuEntries:0", " ", "Guide:MenuEntries:0")]
    [InlineData("Guide:ContentDirectory", "/no/such/guide", "Guide:ContentDirectory")]
    [InlineData("Feedback:RetentionDays", "0", "Feedback:RetentionDays")]
    [InlineData("Proxy:KnownProxies:0", "nginx.local", "Proxy:KnownProxies:0")]
    public async Task A_bad_setting_stops_start_up_naming_the_setting(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AssistantServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_server_process_exits_with_a_message_naming_the_setting()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "ChatAssistant.Bot.dll");
        using var data = new TempDirectory();
        var start = new ProcessStartInfo("dotnet", [bot, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = data.Path,
        };
        start.Environment["TimeZone"] = "Nowhere/Atlantis";
        start.Environment["Storage__DataDirectory"] = data.Path;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the server should stop at once on a bad setting");
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'TimeZone'", await stderr);
    }

    [Fact]
    public async Task With_no_configuration_at_all_the_server_starts_and_is_healthy()
    {
        await using var server = await AssistantServer.StartAsync();
        using var client = server.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"litedb\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }
}
