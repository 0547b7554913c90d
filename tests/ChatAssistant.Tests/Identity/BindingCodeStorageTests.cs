using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Identity;

/// <summary>
/// How binding codes are kept: a copy of the records file must not give away live codes (8 digits under a plain
/// hash are recovered in seconds), so they are keyed with a server secret kept outside it; codes of the version
/// before are refused explicitly.
/// </summary>
public sealed class BindingCodeStorageTests
{
    private const string Secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static List<BsonDocument> StoredCodes(BotHarness bot) =>
        bot.Get<ILiteDatabase>().GetCollection("binding_codes").FindAll().ToList();

    [Fact]
    public async Task The_records_file_holds_no_plain_hash_of_a_code_and_the_generated_secret_lives_beside_it()
    {
        using var data = new TempDirectory("ca-codes");
        string code;
        await using (var bot = BotHarness.Create(dataDirectory: data.Path))
        {
            var identity = bot.Get<ChatAssistant.Identity.IdentityService>();
            Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n")).Ok);
            code = identity.IssueCode(RosterKind.Delegate, "D001").Code;

            var stored = Assert.Single(StoredCodes(bot))["CodeHash"].AsString;
            // What an attacker with the file would try: every 8-digit string under the plain hashes.
            Assert.NotEqual(Sha256Hex("binding:" + code), stored);
            Assert.NotEqual(Sha256Hex(code), stored);
            Assert.DoesNotContain(code, stored, StringComparison.Ordinal);
            // The embedded default (no WeChat account): a generated secret in the data folder, not in the records file.
            var keyFile = Path.Combine(data.Path, "identity-code.key");
            Assert.True(File.Exists(keyFile));
            Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(keyFile, StringComparison.Ordinal) && l.Contains("Identity:CodeSecret", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        // After a restart the same secret is read back: the code issued before still binds.
        await using var again = BotHarness.Create(dataDirectory: data.Path);
        Assert.Contains("绑定成功", string.Join("\n", await again.SayAsync("绑定 " + code, "openid-1")));
    }

    [Fact]
    public async Task A_configured_secret_is_used_and_no_key_file_is_written()
    {
        using var data = new TempDirectory("ca-codes");
        await using var bot = BotHarness.Create(dataDirectory: data.Path, settings: new Dictionary<string, string?> { ["Identity:CodeSecret"] = Secret });
        var identity = bot.Get<ChatAssistant.Identity.IdentityService>();
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n")).Ok);
        var code = identity.IssueCode(RosterKind.Delegate, "D001").Code;

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(Secret), Encoding.UTF8.GetBytes("binding:" + code)));
        Assert.Equal(expected, Assert.Single(StoredCodes(bot))["CodeHash"].AsString);
        Assert.False(File.Exists(Path.Combine(data.Path, "identity-code.key")));
        Assert.Contains("绑定成功", string.Join("\n", await bot.SayAsync("绑定 " + code, "openid-1")));
    }

    [Fact]
    public async Task With_a_WeChat_account_the_secret_is_required_and_a_malformed_one_is_refused()
    {
        var wechat = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wx1", ["Disputes:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
        };
        var missing = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(wechat));
        Assert.Contains("'Identity:CodeSecret'", missing.Message);
        Assert.Contains("WeChat:Token", missing.Message);

        var tooShort = new Dictionary<string, string?>(wechat) { ["Identity:CodeSecret"] = Convert.ToBase64String(new byte[16]) };
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(tooShort));
        Assert.Contains("'Identity:CodeSecret'", refused.Message);

        await using var started = await AssistantServer.StartAsync(new Dictionary<string, string?>(wechat) { ["Identity:CodeSecret"] = Secret });
        Assert.False(File.Exists(Path.Combine(started.DataDirectory, "identity-code.key")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task A_bad_limit_stops_the_start_naming_the_setting(string value)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(new Dictionary<string, string?> { ["Identity:MaxWrongCodesPerHour"] = value }));
        Assert.Contains("Identity:MaxWrongCodesPerHour", e.Message);
    }

    [Fact]
    public async Task A_code_issued_by_the_version_before_keyed_codes_no_longer_binds_and_the_person_hears_it_expired()
    {
        using var data = new TempDirectory("ca-codes");
        const string oldCode = "20261126";
        await using (var before = BotHarness.Create(dataDirectory: data.Path))
        {
            Assert.True(before.Get<ChatAssistant.Identity.IdentityService>().Import(RosterKind.Delegate, new StringReader("id,name,district\nD001,张三,天台县\n")).Ok);
            // A live code as the previous version stored it: a plain SHA-256, valid for two more days.
            before.Get<ILiteDatabase>().GetCollection("binding_codes").Insert(new BsonDocument
            {
                ["CodeHash"] = Sha256Hex("binding:" + oldCode),
                ["Kind"] = "Delegate",
                ["MemberId"] = "D001",
                ["ExpiresAt"] = BotHarness.DefaultNow.AddDays(2).UtcDateTime,
            });
        }

        await using var after = BotHarness.Create(dataDirectory: data.Path);
        var answer = string.Join("\n", await after.SayAsync("绑定 " + oldCode, "openid-old"));

        Assert.Contains("已过期", answer);
        Assert.Contains("重新领取", answer);
        Assert.Null(after.Get<ChatAssistant.Identity.IdentityService>().FindByOpenId(RosterKind.Delegate, "openid-old"));
        Assert.Contains(after.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("1 binding codes issued before this version no longer work", StringComparison.Ordinal));
        // A new code from staff works.
        var fresh = after.Get<ChatAssistant.Identity.IdentityService>().IssueCode(RosterKind.Delegate, "D001").Code;
        Assert.Contains("绑定成功", string.Join("\n", await after.SayAsync("绑定 " + fresh, "openid-old")));
    }
}
