namespace ChatAssistant.Storage;

/// <summary>
/// A short list of numbered records staff keep in the console (LiteDB: <see cref="LiteRecordList{T}"/>; PostgreSQL:
/// <see cref="Postgres.PostgresRecordList{T}"/>), registered with <see cref="RecordsRegistration.AddRecordList{T}"/>.
/// </summary>
public interface IRecordList<T> where T : class, IListedRecord
{
    /// <summary>Every record, in the order they were added.</summary>
    IReadOnlyList<T> All();

    T? Get(int id);

    /// <summary>Stores a new record and gives it its number.</summary>
    T Add(T record);

    /// <summary>Writes a stored record; false when there is none of its number.</summary>
    bool Update(T record);

    bool Delete(int id);
}
