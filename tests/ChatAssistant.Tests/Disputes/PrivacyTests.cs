using System.Security.Cryptography;
using System.Text;
using ChatAssistant.Disputes;
using ChatAssistant.Security;
using ChatAssistant.Hosting;
using ChatAssistant.Storage;
using LiteDB;
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
        using var data = new TempDirectory("ca-privacy");
        var sessions = new Dictionary<string, JObject>();
        var server = await AssistantServer.StartAsync(
            services: s => s.AddSingleton<IStorage>(new MemoryStorage(sessions)),
            dataDirectory: data.Path);
        await SeededLeakSearch.RunAsync(server, () => Task.FromResult(JsonConvert.SerializeObject(sessions)));
        Assert.NotEmpty(sessions);
    }

    [Fact]
    public async Task With_embedded_sessions_in_LiteDB_the_seeded_values_are_not_in_the_database_file_either()
    {
        using var data = new TempDirectory("ca-privacy-embedded");
        var server = await AssistantServer.StartAsync(dataDirectory: data.Path);
        Assert.IsType<LiteDbStorage>(server.Get<IStorage>());
        var db = server.Get<ILiteDatabase>();
        // The sessions collection as JSON mid-flow; the file itself is searched byte by byte after the stop.
        await SeededLeakSearch.RunAsync(server, () => Task.FromResult(string.Join('\n',
            db.GetCollection(LiteDbStorage.CollectionName).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)))));
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
        Assert.True(File.Exists(Path.Combine(data.Path, FieldKeySource.KeyFileName)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, FieldKeySource.KeyFileName)));
        await using var second = BotHarness.Create(dataDirectory: data.Path);
        var ticket = second.Get<TicketService>().Find(id)!;
        Assert.Equal("重启之后仍然可以解密的描述", second.Get<TicketFieldReader>().Reveal(ticket, TicketFields.Description));
    }

    [Fact]
    public async Task A_configured_key_is_used_and_no_key_file_is_written()
    {
        using var data = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        await using var bot = BotHarness.Create(dataDirectory: data.Path, settings: new Dictionary<string, string?> { ["Disputes:EncryptionKey"] = Convert.ToBase64String(key) });
        var ticket = DisputeFixtures.File(bot.Services, "婺城区", description: "用配置的密钥加密的描述");
        Assert.False(File.Exists(Path.Combine(data.Path, FieldKeySource.KeyFileName)));
        Assert.Equal("用配置的密钥加密的描述", new FieldCipher(key).Unprotect(ticket.Description!, TicketFields.Of(ticket.Id, TicketFields.Description)));
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

}
