using System.CommandLine;
using ChatAssistant.Hosting;
using ChatAssistant.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatAssistant.Storage;

/// <summary>Operator commands for the records database: <c>records migrate</c>.</summary>
public static class RecordsCommands
{
    public static Command Create()
    {
        var records = new Command("records", "The records database (Records:Provider, Records:ConnectionString).");
        records.Subcommands.Add(Migrate());
        return records;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate",
            "Bring the PostgreSQL records schema up to this version (what the server also does at start-up, under the same advisory lock; safe while other instances run).");
        command.SetAction((_, _) => Cli.WithServicesAsync(services =>
        {
            var options = services.GetRequiredService<IOptions<RecordsOptions>>().Value;
            if (!options.UsesPostgres)
            {
                Console.Error.WriteLine("Records:Provider is 'litedb': the LiteDB file needs no migration. Set Records:Provider=postgres and Records:ConnectionString to migrate a PostgreSQL database.");
                return Task.FromResult(2);
            }
            using var dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
            var ran = RecordsSchema.Migrate(dataSource, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecordsCommands)));
            var applied = RecordsSchema.Applied(dataSource);
            Console.WriteLine(ran.Count == 0
                ? $"The records schema is up to date ({applied.Count} scripts, the last {applied.LastOrDefault() ?? "none"})."
                : $"Ran {ran.Count} scripts: {string.Join(", ", ran)}. The schema is now at {applied.LastOrDefault()}.");
            return Task.FromResult(0);
        }, quiet: true));
        return command;
    }
}
