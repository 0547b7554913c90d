using System.Data;
using ChatAssistant.Storage.Postgres;
using Dapper;
using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// A collection copied between LiteDB and PostgreSQL with its ids: the LiteDB side through the record type itself,
/// the PostgreSQL side through the store's own SQL (<paramref name="insert"/> with an explicit id; <paramref name="readAll"/>).
/// With <paramref name="identity"/>, the table's id sequence is moved past the highest id copied, so new rows do not collide.
/// A store whose LiteDB documents differ from its record type (a LiteDB id the record carries as text) gives
/// <paramref name="readLite"/> and <paramref name="writeLite"/>.
/// </summary>
public sealed class RecordsTableCopy<T>(
    string name,
    string insert,
    Func<T, object> row,
    Func<IDbConnection, IDbTransaction?, IEnumerable<T>> readAll,
    bool identity,
    Func<ILiteDatabase, IEnumerable<T>>? readLite = null,
    Action<ILiteDatabase, T>? writeLite = null) : IRecordsTableCopy
    where T : class
{
    public string Name => name;

    public int CountIn(ILiteDatabase db) => db.GetCollection<T>(name).Count();

    public int CountIn(PostgresRecords records) => records.Use((c, t) => c.ExecuteScalar<int>($"SELECT count(*) FROM {name}", transaction: t));

    public int Copy(ILiteDatabase from, PostgresRecords to)
    {
        var records = (readLite?.Invoke(from) ?? from.GetCollection<T>(name).FindAll()).Select(LiteEmptyTexts.Restore).ToList();
        return to.Use((c, t) =>
        {
            foreach (var record in records) c.Execute(insert, row(record), t);
            if (identity && records.Count > 0)
                c.Execute($"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))", transaction: t);
            return records.Count;
        });
    }

    public int Copy(PostgresRecords from, ILiteDatabase to)
    {
        var rows = from.Use((c, t) => readAll(c, t).ToList());
        var collection = to.GetCollection<T>(name);
        foreach (var r in rows)
        {
            if (writeLite is null) collection.Insert(r);
            else writeLite(to, r);
        }
        return rows.Count;
    }
}
