using System.Security.Cryptography;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Security;
using LiteDB;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>
/// Undelivered WeChat messages in the application's LiteDB file, for staff to read and follow up. The text is sealed
/// with the records' field key (<see cref="FieldCipher"/>, <c>Disputes:EncryptionKey</c>, as help requests are): a
/// late turn's reply can be a help request's confirm step, with the description in it. The OpenID stays readable,
/// as on tickets and hand-offs, so staff know whom to reach; every row is deleted after
/// <c>WeChat:UndeliveredRetentionDays</c> (<see cref="UndeliveredRetentionService"/>).
/// </summary>
public sealed class LiteDbUndeliveredStore : IUndeliveredRecords
{
    public const string Collection = "wechat_undelivered";

    /// <summary>What <see cref="List"/> shows for a text sealed with a key that is no longer configured.</summary>
    public const string UnreadableText = "（无法解密：记录后 Disputes:EncryptionKey 已更换）";

    // Rows of versions before the sealing kept the text in clear under this name; new rows never have it.
    private const string LegacyText = "Text";
    private const string SealedText = "SealedText";

    private readonly ILiteCollection<BsonDocument> _items;
    private readonly FieldCipher _cipher;

    public LiteDbUndeliveredStore(ILiteDatabase database, FieldCipher cipher)
    {
        _cipher = cipher;
        _items = database.GetCollection(Collection);
        _items.EnsureIndex("At");
        _items.EnsureIndex("Resolved");
    }

    public void Add(UndeliveredMessage m) => _items.Insert(new BsonDocument
    {
        ["_id"] = m.Id,
        ["OpenId"] = m.OpenId,
        ["Kind"] = m.Kind,
        [SealedText] = _cipher.Protect(m.Text, Purpose(m.Id)),
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

    /// <summary>Deletes every message recorded before <paramref name="cutoff"/>, resolved or not; returns how many.</summary>
    public int DeleteRecordedBefore(DateTimeOffset cutoff) => _items.DeleteMany(Query.LT("At", cutoff.UtcDateTime));

    /// <summary>Seals the text of rows an earlier version wrote in clear; returns how many. Run after the options are validated (the key is loaded on first use).</summary>
    public int SealLegacyRows()
    {
        var legacy = _items.Find(Query.Not(LegacyText, BsonValue.Null)).ToList();
        foreach (var doc in legacy)
        {
            var id = doc["_id"].AsString;
            doc[SealedText] = _cipher.Protect(doc[LegacyText].IsString ? doc[LegacyText].AsString : "", Purpose(id));
            doc.Remove(LegacyText);
            _items.Update(doc);
        }
        return legacy.Count;
    }

    private UndeliveredMessage ToRecord(BsonDocument d)
    {
        var id = d["_id"].AsString;
        return new UndeliveredMessage(
            id, d["OpenId"].AsString, d["Kind"].AsString, TextOf(id, d), d["ErrCode"].AsInt32, d["Reason"].AsString,
            new DateTimeOffset(DateTime.SpecifyKind(d["At"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)), d["Resolved"].AsBoolean);
    }

    private string TextOf(string id, BsonDocument d)
    {
        if (d[SealedText].IsString)
        {
            try { return _cipher.Unprotect(d[SealedText].AsString, Purpose(id)); }
            catch (CryptographicException) { return UnreadableText; }
        }
        return d[LegacyText].IsString ? d[LegacyText].AsString : ""; // an earlier version's row, until the sweep seals it
    }

    // Bound to the row: a sealed text copied onto another row does not open there.
    internal static FieldBinding Purpose(string id) => new("wechat.undelivered.text", "undelivered:" + id);

    /// <summary>Every row of the file as stored (text sealed; null for a row an earlier version kept in clear), for <c>records copy</c>.</summary>
    public static IEnumerable<Postgres.SealedUndelivered> ReadSealed(ILiteDatabase db) => db.GetCollection(Collection).FindAll().Select(d => new Postgres.SealedUndelivered
    {
        Id = d["_id"].AsString, OpenId = d["OpenId"].AsString ?? "", Kind = d["Kind"].AsString ?? "", SealedText = d[SealedText].IsString ? d[SealedText].AsString : null,
        ErrCode = d["ErrCode"].AsInt32, Reason = d["Reason"].AsString ?? "",
        At = new DateTimeOffset(DateTime.SpecifyKind(d["At"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)), Resolved = d["Resolved"].AsBoolean,
    });

    /// <summary>Writes a copied row as stored, for <c>records copy</c>.</summary>
    public static void WriteSealed(ILiteDatabase db, Postgres.SealedUndelivered r) => db.GetCollection(Collection).Insert(new BsonDocument
    {
        ["_id"] = r.Id, ["OpenId"] = r.OpenId, ["Kind"] = r.Kind, [SealedText] = r.SealedText is null ? BsonValue.Null : r.SealedText,
        ["ErrCode"] = r.ErrCode, ["Reason"] = r.Reason, ["At"] = r.At.UtcDateTime, ["Resolved"] = r.Resolved,
    });
}
