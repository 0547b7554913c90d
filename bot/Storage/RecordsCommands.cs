using System.CommandLine;
using ChatAssistant.Hosting;
using ChatAssistant.Storage.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatAssistant.Storage;

/// <summary>Operator commands for the records database: <c>records migrate</c>, <c>records copy</c>.</summary>
public static class RecordsCommands
{
    public static Command Create()
    {
        var records = new Command("records", "The records database (Records:Provider, Records:ConnectionString).");
        records.Subcommands.Add(Migrate());
        records.Subcommands.Add(Copy());
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

    private static Command Copy()
    {
        var from = new Option<string>("--from") { Description = "litedb or postgres: where the records are now.", Required = true };
        var to = new Option<string>("--to") { Description = "postgres or litedb: where they go (must hold none of them yet).", Required = true };
        var command = new Command("copy",
            "Copy the records that are on both providers (docs/RECORDS.md) from the LiteDB file (Storage:DataDirectory) into an empty PostgreSQL database " +
            "(Records:ConnectionString), or back; all or nothing, every count checked. Stop the server first.") { from, to };
        command.SetAction((r, _) => Cli.WithServicesAsync(services =>
        {
            var (source, target) = (r.GetValue(from)!.Trim().ToLowerInvariant(), r.GetValue(to)!.Trim().ToLowerInvariant());
            var toPostgres = (source, target) switch
            {
                (RecordsOptions.LiteDb, RecordsOptions.Postgres) => true,
                (RecordsOptions.Postgres, RecordsOptions.LiteDb) => false,
                _ => (bool?)null,
            };
            if (toPostgres is null)
            {
                Console.Error.WriteLine("Copy either --from litedb --to postgres or --from postgres --to litedb.");
                return Task.FromResult(2);
            }
            var options = services.GetRequiredService<IOptions<RecordsOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                Console.Error.WriteLine("Setting 'Records:ConnectionString' is required to copy records to or from PostgreSQL.");
                return Task.FromResult(2);
            }
            var lite = services.GetRequiredService<LiteDB.ILiteDatabase>(); // this process must own the file: the server is stopped
            using var postgres = PostgresRecords.Open(options.ConnectionString, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecordsCommands)));
            var tables = services.GetServices<IRecordsTableCopy>().ToList();

            var occupied = tables.Select(t => (t.Name, Count: toPostgres.Value ? t.CountIn(postgres) : t.CountIn(lite))).Where(t => t.Count > 0).ToList();
            if (occupied.Count > 0)
            {
                Console.Error.WriteLine($"The {target} records are not empty ({string.Join(", ", occupied.Select(o => $"{o.Name}: {o.Count}"))}); nothing was copied. Copy only into empty records.");
                return Task.FromResult(2);
            }

            var expected = tables.ToDictionary(t => t.Name, t => toPostgres.Value ? t.CountIn(lite) : t.CountIn(postgres));
            if (toPostgres.Value)
                postgres.InTransaction((_, _) => tables.Sum(t => t.Copy(lite, postgres)));
            else
                LiteTransaction.Run(lite, () => tables.Sum(t => t.Copy(postgres, lite)));

            var wrong = 0;
            foreach (var table in tables)
            {
                var copied = toPostgres.Value ? table.CountIn(postgres) : table.CountIn(lite);
                if (copied != expected[table.Name]) wrong++;
                Console.WriteLine($"{table.Name}: {expected[table.Name]} → {copied}{(copied == expected[table.Name] ? "" : "  MISMATCH")}");
            }
            if (wrong > 0)
            {
                Console.Error.WriteLine($"{wrong} collections did not copy whole; check the {target} records before using them.");
                return Task.FromResult(1);
            }
            Console.WriteLine($"Copied {expected.Values.Sum()} records from {source} to {target}; every count equal. " +
                "Records not on PostgreSQL yet stay in the LiteDB file (docs/RECORDS.md).");
            return Task.FromResult(0);
        }, quiet: true));
        return command;
    }
}
