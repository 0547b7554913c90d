using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Disputes;
using ChatAssistant.Hosting;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ChatAssistant.Tests.Disputes;

public sealed class PrivacyTests
{
    [Fact]
    public async Task A_seeded_description_phone_and_name_never_appear_in_clear_in_logs_session_state_or_the_database_file()
    {
        var marker = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var description = $"同宿舍的同学总是拿走我的生活费，编号{marker}，希望有人帮忙调解。";
        var phone = "1" + (Random.Shared.Next(3, 10)).ToString() + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString();
        var name = "林" + marker[..4];
        var secrets = new[] { description, marker, phone, name };

        using var data = new TempDirectory("ca-privacy");
        var sessions = new Dictionary<string, JObject>();
        var server = await AssistantServer.StartAsync(
            services: s => s.AddSingleton<IStorage>(new MemoryStorage(sessions)),
            dataDirectory: data.Path);
        string stateMidFlow;
        await using (server)
        {
            var chat = new Chat(server.Services, "o6_wechat_openid_1");
            await chat.SayAsync("你好");
            foreach (var answer in new[] { "求助", "是", "3", "1", "1", description, "2", phone, "2" }) await chat.SayAsync(answer);
            await chat.SayAsync(name);
            // Waiting at the confirmation: every answer is in the session now.
            stateMidFlow = JsonConvert.SerializeObject(sessions);
            Assert.Contains("v1.", stateMidFlow);
            Assert.Contains("QQ", await chat.SayJoinedAsync("是"));
            await chat.SayAsync("我的求助");
            await chat.SayAsync("1");
            await chat.SayAsync("1");
            await chat.SayAsync($"补充：{marker} 还在继续");

            // Staff read it (decrypted on the wire) and reply: that must not leak into the logs either.
            var ticket = Assert.Single(DisputeFixtures.AllTickets(server.Services));
            using var admin = DisputeFixtures.StaffClient(server, "privacy-admin", null);
            var detail = await (await admin.GetAsync($"/api/staff/tickets/{ticket.Number}")).Content.ReadAsStringAsync();
            Assert.Contains(marker, detail);
            Assert.Contains(phone, detail);
            await admin.PostAsync($"/api/staff/tickets/{ticket.Number}/reply", JsonContent($"{{\"text\":\"{name}你好\"}}"));
        }

        var stateAtEnd = JsonConvert.SerializeObject(sessions);
        var logs = server.Logs.All;
        Assert.NotEmpty(server.Logs.Lines);
        Assert.NotEmpty(sessions);
        var files = Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("assistant.db", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, stateMidFlow);
            Assert.DoesNotContain(secret, stateAtEnd);
            foreach (var file in files)
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secret)), $"{Path.GetFileName(file)} holds a seeded value in UTF-8");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(secret)), $"{Path.GetFileName(file)} holds a seeded value in UTF-16");
            }
        }
        Assert.DoesNotContain("o6_wechat_openid_1", logs);
    }

    [Fact]
    public async Task A_declared_production_start_without_the_key_fails_naming_the_setting()
    {
        using var data = new TempDirectory();
        await using var app = AppHost.Build(["--environment", "Production"], b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path }));
        var error = Assert.Throws<OptionsValidationException>(() => app.Services.ValidateOptions());
        Assert.Contains("'Disputes:EncryptionKey'", error.Message);
        Assert.Empty(Directory.GetFiles(data.Path));
    }

    [Fact]
    public async Task A_deployment_with_Redis_configured_needs_the_key_too()
    {
        using var data = new TempDirectory();
        await using var app = AppHost.Build([], b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path, ["Redis:Configuration"] = "127.0.0.1:1" }));
        // Other settings may fail alongside (then the exception is an aggregate); the key must be named.
        var error = Assert.ThrowsAny<Exception>(() => app.Services.ValidateOptions());
        Assert.Contains("'Disputes:EncryptionKey'", error.Message);
    }

    [Fact]
    public async Task A_malformed_key_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AssistantServer.StartAsync(new Dictionary<string, string?> { ["Disputes:EncryptionKey"] = Convert.ToBase64String(new byte[16]) }));
        Assert.Contains("'Disputes:EncryptionKey'", error.Message);
    }

    [Fact]
    public async Task The_embedded_default_generates_a_key_file_with_a_warning_and_reuses_it_after_a_restart()
    {
        using var data = new TempDirectory();
        int id;
        await using (var first = BotHarness.Create(dataDirectory: data.Path))
        {
            id = DisputeFixtures.File(first.Services, "婺城区", description: "重启之后仍然可以解密的描述").Id;
            Assert.Contains(first.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Disputes:EncryptionKey is not set", StringComparison.Ordinal));
        }
        Assert.True(File.Exists(Path.Combine(data.Path, EncryptionKeySource.KeyFileName)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, EncryptionKeySource.KeyFileName)));
        await using var second = BotHarness.Create(dataDirectory: data.Path);
        var service = second.Get<TicketService>();
        Assert.Equal("重启之后仍然可以解密的描述", service.Reveal(service.Find(id)!.Description, FieldPurpose.Description));
    }

    [Fact]
    public async Task A_configured_key_is_used_and_no_key_file_is_written()
    {
        using var data = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        await using var bot = BotHarness.Create(dataDirectory: data.Path, settings: new Dictionary<string, string?> { ["Disputes:EncryptionKey"] = Convert.ToBase64String(key) });
        var ticket = DisputeFixtures.File(bot.Services, "婺城区", description: "用配置的密钥加密的描述");
        Assert.False(File.Exists(Path.Combine(data.Path, EncryptionKeySource.KeyFileName)));
        Assert.Equal("用配置的密钥加密的描述", new FieldCipher(key).Unprotect(ticket.Description!, FieldPurpose.Description));
    }

    [Fact]
    public void A_tampered_value_or_one_moved_to_another_field_does_not_decrypt()
    {
        var cipher = new FieldCipher(RandomNumberGenerator.GetBytes(32));
        var value = cipher.Protect("13800138000", FieldPurpose.Phone);
        Assert.NotEqual(value, cipher.Protect("13800138000", FieldPurpose.Phone)); // fresh nonce each time
        Assert.Equal("13800138000", cipher.Unprotect(value, FieldPurpose.Phone));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect(value, FieldPurpose.Description));
        var bytes = Convert.FromBase64String(value[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect("v1." + Convert.ToBase64String(bytes), FieldPurpose.Phone));
        Assert.ThrowsAny<CryptographicException>(() => new FieldCipher(RandomNumberGenerator.GetBytes(32)).Unprotect(value, FieldPurpose.Phone));
    }

    [Fact]
    public async Task Retention_deletes_personal_fields_of_finished_tickets_after_the_period_only()
    {
        await using var bot = BotHarness.Create(settings: new Dictionary<string, string?> { ["Disputes:RetentionDays"] = "30" });
        var tickets = bot.Get<TicketService>();
        var resolved = DisputeFixtures.File(bot.Services, "婺城区");
        var open = DisputeFixtures.File(bot.Services, "婺城区");
        tickets.ChangeStatus(resolved.Id, TicketStatus.Resolved, "staff:x");
        bot.Time.Advance(TimeSpan.FromDays(10));
        var recent = DisputeFixtures.File(bot.Services, "婺城区");
        tickets.ChangeStatus(recent.Id, TicketStatus.Closed, "staff:x");

        bot.Time.Advance(TimeSpan.FromDays(21));
        Assert.Equal(1, tickets.PurgeExpired());
        Assert.Null(tickets.Find(resolved.Id)!.Description);
        Assert.Null(tickets.Find(resolved.Id)!.Phone);
        Assert.NotNull(tickets.Find(open.Id)!.Description);
        Assert.NotNull(tickets.Find(recent.Id)!.Description);
        Assert.Contains(DisputeFixtures.Audit(bot.Services, "ticket:" + resolved.Number), e => e.Actor == "system:retention" && e.Action == "ticket.purged");
        Assert.Equal(0, tickets.PurgeExpired());
    }

    [Fact]
    public async Task The_retention_job_runs_on_its_own_in_the_server()
    {
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        await using var server = await AssistantServer.StartAsync(
            new Dictionary<string, string?> { ["Disputes:RetentionDays"] = "1", ["Disputes:RetentionSweepInterval"] = "01:00:00" },
            s => s.AddSingleton<TimeProvider>(time));
        var tickets = server.Get<TicketService>();
        var ticket = DisputeFixtures.File(server.Services, "婺城区");
        tickets.ChangeStatus(ticket.Id, TicketStatus.Closed, "staff:x");
        time.Advance(TimeSpan.FromHours(25));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (tickets.Find(ticket.Id)!.PersonalDataDeletedAt is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.NotNull(tickets.Find(ticket.Id)!.PersonalDataDeletedAt);
        Assert.Null(tickets.Find(ticket.Id)!.Description);
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
