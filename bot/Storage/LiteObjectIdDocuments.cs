using LiteDB;

namespace ChatAssistant.Storage;

/// <summary>
/// A LiteDB collection of <typeparamref name="T"/> whose id texts (<see cref="RecordIds"/>) the file keeps as
/// <c>ObjectId</c>s, as earlier versions wrote them: the document's <c>_id</c> and each field named in
/// <paramref name="idFields"/> (an escalation's id on its transcript lines). LiteDB's mapper cannot read an
/// <c>ObjectId</c> into a text property, so each document is converted on the way in and out; "" stands for the empty
/// <c>ObjectId</c> (no escalation) and null stays null. Queries name the fields as the file has them; an id given to one
/// is converted with <see cref="Id"/>.
/// </summary>
public sealed class LiteObjectIdDocuments<T> where T : class
{
    private readonly BsonMapper _mapper;
    private readonly string[] _idFields;
    private readonly System.Reflection.PropertyInfo[] _idProperties;

    public LiteObjectIdDocuments(ILiteDatabase db, string collection, params string[] idFields)
    {
        ArgumentNullException.ThrowIfNull(db);
        _mapper = db.Mapper;
        _idFields = ["_id", .. idFields];
        _idProperties = idFields.Select(f => typeof(T).GetProperty(f) ?? throw new ArgumentException($"{typeof(T).Name} has no property {f}.", nameof(idFields))).ToArray();
        Collection = db.GetCollection(collection);
        // A collection of BsonDocuments does not map T when it is made (a typed one does), so the first two threads to
        // convert a record would race on LiteDB's half-built mapping of T and write a line with no id and no escalation.
        RecordsDatabase.Warm(_mapper, typeof(T));
    }

    /// <summary>The documents as the file has them (for queries and indexes).</summary>
    public ILiteCollection<BsonDocument> Collection { get; }

    /// <summary>An id text as the file keeps it: an <c>ObjectId</c> (the empty one for ""), or null.</summary>
    public static BsonValue Id(string? id) => id switch
    {
        null => BsonValue.Null,
        "" => ObjectId.Empty,
        _ when RecordIds.IsWellFormed(id) => new ObjectId(id),
        _ => throw new ArgumentException("An id is 24 hex digits.", nameof(id)),
    };

    /// <summary>A value as the file keeps it (an instant as LiteDB's mapper writes it), for a query's parameter.</summary>
    public BsonValue Value<TValue>(TValue value) => _mapper.Serialize(typeof(TValue), value);

    public BsonDocument ToDocument(T record)
    {
        var document = _mapper.ToDocument(record);
        foreach (var field in _idFields)
            if (document.TryGetValue(field, out var value) && value.IsString) document[field] = Id(value.AsString);
        // The mapper writes "" as null (EmptyStringToNull); the file has always kept "no escalation" as the empty ObjectId.
        for (var i = 0; i < _idProperties.Length; i++)
            if (_idProperties[i].GetValue(record) is "") document[_idFields[i + 1]] = ObjectId.Empty;
        return document;
    }

    public T ToRecord(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var field in _idFields)
            if (document.TryGetValue(field, out var value) && value.IsObjectId)
                document[field] = value.AsObjectId == ObjectId.Empty ? "" : value.AsObjectId.ToString();
        return LiteEmptyTexts.Restore(_mapper.ToObject<T>(document));
    }

    public void Insert(T record) => Collection.Insert(ToDocument(record));

    public bool Update(T record) => Collection.Update(ToDocument(record));

    public bool Upsert(T record) => Collection.Upsert(ToDocument(record));

    public T? Get(string id) => RecordIds.IsWellFormed(id) && Collection.FindById(Id(id)) is { } document ? ToRecord(document) : null;

    public bool Delete(string id) => RecordIds.IsWellFormed(id) && Collection.Delete(Id(id));

    public List<T> FindWhere(params LiteQuery.Condition[] all) => Collection.FindWhere(all).Select(ToRecord).ToList();

    public T? FindOneWhere(params LiteQuery.Condition[] all) => Collection.FindOneWhere(all) is { } document ? ToRecord(document) : null;

    public List<T> Find(BsonExpression predicate) => Collection.Find(predicate).Select(ToRecord).ToList();

    public List<T> All() => Collection.FindAll().Select(ToRecord).ToList();
}
