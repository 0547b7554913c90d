using System.Security.Cryptography;
using ChatAssistant.Security;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Security;

/// <summary>
/// The field key is never generated next to the data of a real account: with a WeChat account the key must come
/// from <c>Disputes:EncryptionKey</c>; only the embedded default (no WeChat account) generates a key file, and
/// says where.
/// </summary>
public sealed class FieldKeyStartupTests
{
    private static readonly string[] Serve = ["--urls", "http://127.0.0.1:0"];

    private static Dictionary<string, string> WeChatAccount() => new()
    {
        ["WeChat__Token"] = "chatassistant",
        ["WeChat__AppId"] = "wx0123456789abcdef",
        ["Identity__CodeSecret"] = Support.WeChat.WeChatTestServer.CodeSecret, // required with a WeChat account too
    };

    [Fact]
    public async Task With_a_WeChat_token_and_no_key_the_server_stops_naming_the_setting_and_writes_no_key_file()
    {
        using var data = new TempDirectory();
        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, WeChatAccount(), Serve);

        Assert.Equal(2, code);
        Assert.Contains("'Disputes:EncryptionKey'", stderr);
        Assert.Contains("WeChat", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.False(File.Exists(data.File(FieldKeySource.KeyFileName)), "a key was generated beside the data");
        Assert.False(File.Exists(data.File("assistant.db")), "the records file was written before the settings were checked");
    }

    [Fact]
    public async Task An_existing_generated_key_file_with_a_WeChat_token_is_named_so_the_operator_moves_the_key_into_the_setting()
    {
        using var data = new TempDirectory();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(data.File(FieldKeySource.KeyFileName), key);

        var (code, stdout, stderr) = await CliProcess.RunAsync(data.Path, WeChatAccount(), Serve);

        Assert.Equal(2, code);
        Assert.Contains("'Disputes:EncryptionKey'", stderr);
        Assert.Contains(data.File(FieldKeySource.KeyFileName), stderr);
        Assert.Contains("move", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, stderr + stdout); // the message points at the file, it does not print the key
        Assert.Equal(key, File.ReadAllText(data.File(FieldKeySource.KeyFileName))); // nothing lost

        // With the key moved into the setting the same deployment starts (the operator command checks the same settings).
        var moved = WeChatAccount();
        moved["Disputes__EncryptionKey"] = key;
        var (listCode, _, listError) = await CliProcess.RunAsync(data.Path, moved, "staff", "list");
        Assert.True(listCode == 0, listError);
    }

    [Fact]
    public async Task Without_a_WeChat_account_the_server_starts_and_logs_where_the_generated_key_is_without_the_key()
    {
        await using var server = await AssistantServer.StartAsync();
        var path = Path.Combine(server.DataDirectory, FieldKeySource.KeyFileName);

        Assert.True(File.Exists(path), "the embedded default generates its key at start-up");
        var line = Assert.Single(server.Logs.Lines, l => l.Contains("Disputes:EncryptionKey is not set", StringComparison.Ordinal));
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.Contains(path, line);
        Assert.DoesNotContain(File.ReadAllText(path).Trim(), server.Logs.All);
        using var client = server.CreateClient(cookies: false);
        Assert.True((await client.GetAsync("/healthz")).IsSuccessStatusCode);
    }
}
