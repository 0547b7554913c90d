using System.Text.Json;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.StaffPhone.Postgres;

/// <summary>
/// Staff accounts' WeCom members in PostgreSQL (<c>staff_wecom</c>, migration 0012, keyed by the account's id). Changes
/// take turns on every instance under one advisory lock, so two accounts cannot take one WeCom member at once.
/// </summary>
public sealed class PostgresStaffWeComLinks(PostgresRecords records) : IStaffWeComLinks
{
    private const long LinksLock = 0x5743_4F4D; // "WCOM"

    private const string Upsert =
        "INSERT INTO staff_wecom (id, wecom_user_id, doc) VALUES (@Id, @WeComUserId, @doc::jsonb) " +
        "ON CONFLICT (id) DO UPDATE SET wecom_user_id = EXCLUDED.wecom_user_id, doc = EXCLUDED.doc";

    /// <summary>How <c>records copy</c> moves the links (account ids kept).</summary>
    public static RecordsTableCopy<StaffWeComLink> Copy() => new(
        LiteDb.LiteStaffWeComLinks.Collection, Upsert, Row,
        (c, t) => c.Query<string>("SELECT doc::text FROM staff_wecom ORDER BY id", transaction: t).Select(Read),
        identity: false,
        readLite: db => LiteDb.LiteStaffWeComLinks.Documents(db).All(),
        writeLite: (db, l) => LiteDb.LiteStaffWeComLinks.Documents(db).Insert(l));

    private static object Row(StaffWeComLink l) => new { l.Id, l.WeComUserId, doc = JsonSerializer.Serialize(l, PostgresJson.Options) };

    private static StaffWeComLink Read(string doc) => JsonSerializer.Deserialize<StaffWeComLink>(doc, PostgresJson.Options)!;

    public StaffWeComLink? ForStaff(int staffId) => Query("WHERE id = @staffId", new { staffId }).FirstOrDefault();

    public StaffWeComLink? ForWeComUser(string userId) => Query("WHERE wecom_user_id = @userId ORDER BY id LIMIT 1", new { userId }).FirstOrDefault();

    public IReadOnlyList<StaffWeComLink> All() => Query("ORDER BY id", null);

    public bool Set(int staffId, string? weComUserId, string? alerts) => records.Exclusively(LinksLock, () =>
    {
        var holder = string.IsNullOrEmpty(weComUserId) ? null : ForWeComUser(weComUserId);
        var (refused, save) = StaffWeComLinkRules.Set(ForStaff(staffId), holder, staffId, weComUserId, alerts);
        if (refused) return false;
        if (save is null) records.Use((c, t) => c.Execute("DELETE FROM staff_wecom WHERE id = @staffId", new { staffId }, t));
        else records.Use((c, t) => c.Execute(Upsert, Row(save), t));
        return true;
    });

    public void Change(int staffId, Action<StaffWeComLink> change) => records.Exclusively(LinksLock, () =>
    {
        if (ForStaff(staffId) is not { } link) return false;
        change(link);
        return records.Use((c, t) => c.Execute(Upsert, Row(link), t)) == 1;
    });

    private List<StaffWeComLink> Query(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<string>($"SELECT doc::text FROM staff_wecom {rest}", parameters, t).Select(Read).ToList());
}
