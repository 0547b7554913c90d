using System.Security.Cryptography;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Hosting.WeChat.Postgres;

/// <summary>
/// Undelivered WeChat messages in PostgreSQL (<c>wechat_undelivered</c>, migration 0009), the text sealed as in the
/// LiteDB file (<see cref="LiteDbUndeliveredStore"/>: the field key, bound to the row's id), so staff on any instance
/// read and resolve what any instance failed to deliver.
/// </summary>
public sealed class PostgresUndeliveredStore(PostgresRecords records, FieldCipher cipher) : IUndeliveredRecords
{
    private const string Columns =
        "id AS Id, open_id AS OpenId, kind AS Kind, sealed_text AS SealedText, err_code AS ErrCode, reason AS Reason, at AS At, resolved AS Resolved";

    private const string Insert =
        "INSERT INTO wechat_undelivered (id, open_id, kind, sealed_text, err_code, reason, at, resolved) " +
        "VALUES (@Id, @OpenId, @Kind, @SealedText, @ErrCode, @Reason, @At, @Resolved)";

    /// <summary>How <c>records copy</c> moves the rows: sealed texts as they are (their binding is the id, which is kept).</summary>
    public static RecordsTableCopy<SealedUndelivered> Copy() => new(
        LiteDbUndeliveredStore.Collection, Insert, r => r,
        (c, t) => c.Query<SealedUndelivered>($"SELECT {Columns} FROM wechat_undelivered ORDER BY at, id", transaction: t),
        identity: false,
        readLite: LiteDbUndeliveredStore.ReadSealed,
        writeLite: LiteDbUndeliveredStore.WriteSealed);

    public void Add(UndeliveredMessage m) => records.Use((c, t) => c.Execute(Insert, new SealedUndelivered
    {
        Id = m.Id, OpenId = m.OpenId, Kind = m.Kind, SealedText = cipher.Protect(m.Text, LiteDbUndeliveredStore.Purpose(m.Id)),
        ErrCode = m.ErrCode, Reason = m.Reason, At = m.At, Resolved = m.Resolved,
    }, t));

    public IReadOnlyList<UndeliveredMessage> List(bool includeResolved = false, int limit = 100) => records.Use((c, t) =>
        c.Query<SealedUndelivered>($"SELECT {Columns} FROM wechat_undelivered WHERE @includeResolved OR NOT resolved ORDER BY at DESC, id DESC LIMIT @limit",
            new { includeResolved, limit }, t).Select(ToMessage).ToList());

    public bool MarkResolved(string id) => records.Use((c, t) => c.Execute("UPDATE wechat_undelivered SET resolved = true WHERE id = @id", new { id }, t)) == 1;

    public int DeleteRecordedBefore(DateTimeOffset cutoff) => records.Use((c, t) =>
        c.Execute("DELETE FROM wechat_undelivered WHERE at < @cutoff", new { cutoff = PostgresLimits.Clamp(cutoff) }, t));

    public int SealLegacyRows() => 0; // rows are sealed when written; nothing was ever kept here in clear

    private UndeliveredMessage ToMessage(SealedUndelivered r)
    {
        var text = "";
        if (r.SealedText is { } sealedText)
        {
            try { text = cipher.Unprotect(sealedText, LiteDbUndeliveredStore.Purpose(r.Id)); }
            catch (CryptographicException) { text = LiteDbUndeliveredStore.UnreadableText; }
        }
        return new UndeliveredMessage(r.Id, r.OpenId, r.Kind, text, r.ErrCode, r.Reason, r.At, r.Resolved);
    }
}

/// <summary>An undelivered message as stored, its text sealed (what <c>records copy</c> moves between providers).</summary>
public sealed class SealedUndelivered
{
    public string Id { get; set; } = "";

    public string OpenId { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>Null only for a LiteDB row of a version before sealing, copied before the sweep sealed it.</summary>
    public string? SealedText { get; set; }

    public int ErrCode { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public bool Resolved { get; set; }
}
