using System.Text.Json;
using System.Text.Json.Serialization;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Booking.Postgres;

/// <summary>
/// Studios in PostgreSQL (<c>duty_studios</c>: the county and whether it is active as columns, the settings as one
/// JSON document). Every read goes to the database: staff may change a studio through any instance, so no instance
/// may keep a copy (the LiteDB store keeps the active ones until it writes, as it is the file's only writer).
/// </summary>
public sealed class PostgresStudioStore : IStudioStore
{
    private readonly PostgresRecords _records;

    public PostgresStudioStore(PostgresRecords records, IOptions<BookingOptions> options, ILogger<PostgresStudioStore> log)
    {
        _records = records;
        if (!options.Value.SeedDemoStudio) return;
        // Instances starting together: the transaction-scoped advisory lock lets one look and seed at a time.
        var seeded = _records.InTransaction((connection, transaction) =>
        {
            connection.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = SeedLock }, transaction);
            if (connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM duty_studios)", transaction: transaction)) return false;
            Insert(connection, StudioRules.DemoStudio(), transaction);
            return true;
        });
        if (seeded) log.LogInformation("Seeded the demo studio");
    }

    private const long SeedLock = 0x4341_5354_5544_494F; // "CASTUDIO"

    /// <summary>How <c>records copy</c> moves studios (ids kept).</summary>
    public static RecordsTableCopy<Studio> Copy() => new(
        "duty_studios",
        "INSERT INTO duty_studios (id, county, active, doc) VALUES (@Id, @County, @Active, @doc::jsonb)",
        s => new { s.Id, s.County, s.Active, doc = JsonSerializer.Serialize(s, PostgresJson.Options) },
        (c, t) => c.Query<Row>("SELECT id AS Id, doc::text AS Doc FROM duty_studios ORDER BY id", transaction: t).Select(r => r.ToStudio()),
        identity: true);

    public Studio? Find(int id)
    {
        var row = _records.Use((c, t) => c.QuerySingleOrDefault<Row>("SELECT id AS Id, doc::text AS Doc FROM duty_studios WHERE id = @id", new { id }, t));
        return row?.ToStudio();
    }

    public Studio? Read(int id) => Find(id);

    public IReadOnlyList<Studio> All(string? county = null) => county is null
        ? Query("SELECT id AS Id, doc::text AS Doc FROM duty_studios ORDER BY id", null)
        : Query("SELECT id AS Id, doc::text AS Doc FROM duty_studios WHERE county = @county ORDER BY id", new { county });

    public IReadOnlyList<Studio> Active() => Query("SELECT id AS Id, doc::text AS Doc FROM duty_studios WHERE active ORDER BY id", null);

    public Studio Create(Studio studio)
    {
        StudioRules.Validate(studio);
        _records.Use((c, t) => Insert(c, studio, t));
        return studio;
    }

    public bool Update(Studio studio)
    {
        StudioRules.Validate(studio);
        return _records.Use((c, t) => c.Execute("UPDATE duty_studios SET county = @County, active = @Active, doc = @doc::jsonb WHERE id = @Id",
            new { studio.County, studio.Active, doc = JsonSerializer.Serialize(studio, PostgresJson.Options), studio.Id }, t)) == 1;
    }

    public bool Delete(int id)
    {
        return _records.Use((c, t) => c.Execute("DELETE FROM duty_studios WHERE id = @id", new { id }, t)) == 1;
    }

    private static int Insert(System.Data.IDbConnection connection, Studio studio, System.Data.IDbTransaction? transaction)
    {
        return studio.Id = connection.ExecuteScalar<int>(
            "INSERT INTO duty_studios (county, active, doc) VALUES (@County, @Active, @doc::jsonb) RETURNING id",
            new { studio.County, studio.Active, doc = JsonSerializer.Serialize(studio, PostgresJson.Options) }, transaction);
    }

    private List<Studio> Query(string sql, object? parameters)
    {
        return _records.Use((c, t) => c.Query<Row>(sql, parameters, t).Select(r => r.ToStudio()).ToList());
    }

    private sealed class Row
    {
        public int Id { get; set; }

        public string Doc { get; set; } = "";

        // The id is the row's, not the document's (a new studio's document was written before it had one).
        public Studio ToStudio()
        {
            var studio = JsonSerializer.Deserialize<Studio>(Doc, PostgresJson.Options)!;
            studio.Id = Id;
            return studio;
        }
    }
}
