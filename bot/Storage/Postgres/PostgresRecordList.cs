using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;

namespace ChatAssistant.Storage.Postgres;

/// <summary>
/// A list of numbered records as a PostgreSQL table of JSON documents (<c>id</c>, <c>doc jsonb</c>; the table made by a
/// migration, named like the LiteDB collection). Lists staff keep in the console are short and read whole, so nothing
/// about them is a column but the number; every read goes to the database, so an edit through one instance is what
/// every other reads next.
/// </summary>
public sealed class PostgresRecordList<T>(PostgresRecords records, string table) : IRecordList<T> where T : class, IListedRecord
{
    /// <summary>How <c>records copy</c> moves the list (numbers kept).</summary>
    public static RecordsTableCopy<T> Copy(string table) => new(
        table,
        $"INSERT INTO {table} (id, doc) VALUES (@Id, @doc::jsonb)",
        r => new { r.Id, doc = JsonSerializer.Serialize(r, PostgresJson.Options) },
        (c, t) => c.Query<Row>($"SELECT id AS Id, doc::text AS Doc FROM {table} ORDER BY id", transaction: t).Select(r => r.ToRecord()),
        identity: true);

    public IReadOnlyList<T> All() => records.Use((c, t) =>
        c.Query<Row>($"SELECT id AS Id, doc::text AS Doc FROM {table} ORDER BY id", transaction: t).Select(r => r.ToRecord()).ToList());

    public T? Get(int id) => records.Use((c, t) =>
        c.QuerySingleOrDefault<Row>($"SELECT id AS Id, doc::text AS Doc FROM {table} WHERE id = @id", new { id }, t))?.ToRecord();

    public T Add(T record)
    {
        record.Id = records.Use((c, t) => c.ExecuteScalar<int>($"INSERT INTO {table} (doc) VALUES (@doc::jsonb) RETURNING id",
            new { doc = JsonSerializer.Serialize(record, PostgresJson.Options) }, t));
        return record;
    }

    public bool Update(T record) => records.Use((c, t) =>
        c.Execute($"UPDATE {table} SET doc = @doc::jsonb WHERE id = @Id", new { record.Id, doc = JsonSerializer.Serialize(record, PostgresJson.Options) }, t)) == 1;

    public bool Delete(int id) => records.Use((c, t) => c.Execute($"DELETE FROM {table} WHERE id = @id", new { id }, t)) == 1;

    private sealed class Row
    {
        public int Id { get; set; }

        public string Doc { get; set; } = "";

        // The number is the row's (a new record's document was written before it had one).
        public T ToRecord()
        {
            var record = JsonSerializer.Deserialize<T>(Doc, PostgresJson.Options)!;
            record.Id = Id;
            return record;
        }
    }
}
