using ChatAssistant.Storage.Postgres;
using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// One kind of record that is on both providers (a LiteDB collection and the PostgreSQL table of the same name), for
/// <c>records copy</c>: each feature whose store moved registers one per collection (<see cref="RecordsTableCopy{T}"/>).
/// </summary>
public interface IRecordsTableCopy
{
    /// <summary>The collection's and the table's name.</summary>
    string Name { get; }

    int CountIn(ILiteDatabase db);

    int CountIn(PostgresRecords records);

    /// <summary>Copies every record, ids kept, into the (empty) table, in <paramref name="records"/>' current transaction.</summary>
    int Copy(ILiteDatabase from, PostgresRecords to);

    /// <summary>Copies every row, ids kept, into the (empty) collection.</summary>
    int Copy(PostgresRecords from, ILiteDatabase to);
}
