using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>A list of numbered records as one LiteDB collection.</summary>
public sealed class LiteRecordList<T>(ILiteDatabase db, string collection) : IRecordList<T> where T : class, IListedRecord
{
    private readonly ILiteCollection<T> _records = db.GetCollection<T>(collection);

    public IReadOnlyList<T> All() => _records.FindAll().OrderBy(r => r.Id).ToList();

    public T? Get(int id) => _records.FindById(id);

    public T Add(T record)
    {
        record.Id = 0;
        _records.Insert(record);
        return record;
    }

    public bool Update(T record) => _records.Update(record);

    public bool Delete(int id) => _records.Delete(id);
}
