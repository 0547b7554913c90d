using ChatAssistant.Adapters.WeChat;
using LiteDB;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>Undelivered WeChat messages in the application's LiteDB file, for staff to read and follow up.</summary>
public sealed class LiteDbUndeliveredStore : IUndeliveredMessageStore
{
    private readonly ILiteCollection<BsonDocument> _items;

    public LiteDbUndeliveredStore(ILiteDatabase database)
    {
        _items = database.GetCollection("wechat_undelivered");
        _items.EnsureIndex("At");
        _items.EnsureIndex("Resolved");
    }

    public void Add(UndeliveredMessage m) => _items.Insert(new BsonDocument
    {
        ["_id"] = m.Id,
        ["OpenId"] = m.OpenId,
        ["Kind"] = m.Kind,
        ["Text"] = m.Text,
        ["ErrCode"] = m.ErrCode,
        ["Reason"] = m.Reason,
        ["At"] = m.At.UtcDateTime,
        ["Resolved"] = m.Resolved,
    });

    public IReadOnlyList<UndeliveredMessage> List(bool includeResolved = false, int limit = 100)
    {
        var query = _items.Query();
        if (!includeResolved) query = query.Where(Query.EQ("Resolved", false));
        return query.OrderByDescending("At").Limit(limit).ToList().Select(ToRecord).ToList();
    }

    public bool MarkResolved(string id)
    {
        var doc = _items.FindById(id);
        if (doc is null) return false;
        doc["Resolved"] = true;
        return _items.Update(doc);
    }

    private static UndeliveredMessage ToRecord(BsonDocument d) => new(
        d["_id"].AsString, d["OpenId"].AsString, d["Kind"].AsString, d["Text"].AsString, d["ErrCode"].AsInt32, d["Reason"].AsString,
        new DateTimeOffset(DateTime.SpecifyKind(d["At"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)), d["Resolved"].AsBoolean);
}
