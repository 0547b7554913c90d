using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ChatAssistant.Booking;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatAssistant.Tests.Storage.Records;

/// <summary>Records:Provider and the PostgreSQL schema: settings, migrations under the advisory lock, refusals, the operator command, health.</summary>
public sealed class RecordsOnPostgresTests
{
    [Theory]
    [InlineData("mysql", null, "Records:Provider")]
    [InlineData("postgres", null, "Records:ConnectionString")]
    [InlineData("postgres", "Host=;Database=x", "Records:ConnectionString")]
    [InlineData("postgres", "Hots=db1;Pasword=secret-1", "Records:ConnectionString")]
    [InlineData("postgres", "Host=db1;Database=x;Password=secret-1", "Identity:CodeSecret")] // shared codes need one key on every instance
    [InlineData("postgres", "Host=db1;Database=x;Password=secret-1", "Disputes:EncryptionKey", true)] // and so do the sealed fields
    public async Task A_bad_records_setting_stops_start_up_naming_it(string provider, string? connection, string named, bool withCodeSecret = false)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(new Dictionary<string, string?>
        {
            ["Records:Provider"] = provider,
            ["Records:ConnectionString"] = connection,
            ["Identity:CodeSecret"] = withCodeSecret ? "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" : null,
        }));
        Assert.Contains(named, error.Message);
        Assert.DoesNotContain("secret-1", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_server_with_exit_code_2_naming_the_setting()
    {
        using var data = new TempDirectory();
        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, new Dictionary<string, string>
        {
            ["Records__Provider"] = "postgres",
            ["Records__ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=assistant;Username=assistant;Password=hunter2-secret;Timeout=3",
            ["Identity__CodeSecret"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["Disputes__EncryptionKey"] = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
        }, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, code);
        Assert.Contains("Records:ConnectionString", stderr);
        Assert.Contains("cannot be used", stderr);
        Assert.DoesNotContain("hunter2-secret", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [SkippableFact]
    public async Task Instances_starting_together_run_each_script_once()
    {
        using var database = PostgresServer.CreateDatabase();
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            using var start = new Barrier(sources.Count);
            var ran = await Task.WhenAll(sources.Select(s => Task.Run(() =>
            {
                start.SignalAndWait();
                return RecordsSchema.Migrate(s, NullLogger.Instance);
            })));
            // One instance ran every script; the others waited for the lock and found nothing to do.
            Assert.Equal(RecordsSchema.Scripts.Count, ran.Sum(r => r.Count));
            Assert.Single(ran, r => r.Count > 0);
            Assert.Equal(RecordsSchema.Scripts.Count, RecordsSchema.Applied(sources[0]).Count);
            Assert.Contains("0001_booking.sql", RecordsSchema.Applied(sources[0]));
        }
        finally
        {
            foreach (var s in sources) s.Dispose();
        }
    }

    [SkippableFact]
    public async Task A_schema_newer_than_the_code_is_refused_by_the_server_and_the_command()
    {
        using var database = PostgresServer.CreateDatabase();
        using (var records = PostgresRecords.Open(database.ConnectionString, NullLogger.Instance))
        using (var connection = records.DataSource.OpenConnection())
            connection.Execute("INSERT INTO schemaversions (scriptname, applied) VALUES ('records-migrations/9001_from_the_future.sql', now())");

        var error = Assert.Throws<RecordsDatabaseUnavailableException>(() => PostgresRecords.Open(database.ConnectionString, NullLogger.Instance));
        Assert.Contains("newer than this version", error.Message);
        Assert.Contains("9001_from_the_future.sql", error.Message);

        using var data = new TempDirectory();
        var environment = Environment(database);
        var serve = await CliProcess.RunAsync(data.Path, environment, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, serve.Code);
        Assert.Contains("newer than this version", serve.StdErr);
        var migrate = await CliProcess.RunAsync(data.Path, environment, "records", "migrate");
        Assert.Equal(2, migrate.Code);
        Assert.Contains("9001_from_the_future.sql", migrate.StdErr);
    }

    [SkippableFact]
    public async Task The_operator_command_migrates_a_new_database_then_finds_it_up_to_date()
    {
        using var database = PostgresServer.CreateDatabase();
        using var data = new TempDirectory();
        var first = await CliProcess.RunAsync(data.Path, Environment(database), "records", "migrate");
        Assert.True(first.Code == 0, first.StdErr);
        Assert.Contains($"Ran {RecordsSchema.Scripts.Count} scripts", first.StdOut);
        var again = await CliProcess.RunAsync(data.Path, Environment(database), "records", "migrate");
        Assert.True(again.Code == 0, again.StdErr);
        Assert.Contains("up to date", again.StdOut);

        using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM duty_bookings"));
    }

    [Fact]
    public async Task The_operator_command_refuses_to_migrate_litedb()
    {
        using var data = new TempDirectory();
        var (code, _, stderr) = await CliProcess.RunAsync(data.Path, "records", "migrate");
        Assert.Equal(2, code);
        Assert.Contains("Records:Provider", stderr);
    }

    [SkippableFact]
    public async Task A_server_on_postgres_is_ready_keeps_its_bookings_there_and_is_unready_when_the_database_goes()
    {
        var database = PostgresServer.CreateDatabase();
        try
        {
            var settings = database.Settings();
            await using var server = await AssistantServer.StartAsync(settings);
            using var client = server.CreateClient();
            using (var ready = await client.GetAsync("/healthz/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
                Assert.Equal("Healthy", checks.GetProperty("postgres").GetString());
                Assert.Equal("Healthy", checks.GetProperty("litedb").GetString());
            }

            // The demo studio was seeded into PostgreSQL, not into the LiteDB file.
            Assert.IsType<ChatAssistant.Booking.Postgres.PostgresStudioStore>(server.Get<IStudioStore>());
            using (var connection = new NpgsqlConnection(database.ConnectionString))
                Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM duty_studios"));

            database.Dispose(); // the database is dropped under the running server
            using var unready = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            Assert.Contains("\"postgres\":\"Unhealthy\"", await unready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
        }
        finally
        {
            database.Dispose();
        }
    }

    private static Dictionary<string, string> Environment(PostgresDatabase database) => new()
    {
        ["Records__Provider"] = "postgres",
        ["Records__ConnectionString"] = database.ConnectionString,
        ["Identity__CodeSecret"] = database.Settings()["Identity:CodeSecret"]!,
        ["Disputes__EncryptionKey"] = database.Settings()["Disputes:EncryptionKey"]!,
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
