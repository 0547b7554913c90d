using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.StaffPhone.LiteDb;

/// <summary>Staff accounts' WeCom members in their own LiteDB collection (<c>staff_wecom</c>, keyed by the account's id).</summary>
public sealed class LiteStaffWeComLinks : IStaffWeComLinks
{
    public const string Collection = "staff_wecom";

    private readonly ILiteDatabase _db;
    private readonly LiteObjectIdDocuments<StaffWeComLink> _links;
    private readonly Lock _gate = new();

    public LiteStaffWeComLinks(ILiteDatabase db)
    {
        _db = db;
        _links = Documents(db);
        _links.Collection.EnsureIndex(nameof(StaffWeComLink.WeComUserId), unique: false);
    }

    /// <summary>The links of a file, as records (also for <c>records copy</c>): the escalation and line they bridge are <c>ObjectId</c>s there.</summary>
    public static LiteObjectIdDocuments<StaffWeComLink> Documents(ILiteDatabase db) =>
        new(db, Collection, nameof(StaffWeComLink.ActiveEscalationId), nameof(StaffWeComLink.ForwardedUpTo));

    public StaffWeComLink? ForStaff(int staffId) => _links.Collection.FindById(staffId) is { } document ? _links.ToRecord(document) : null;

    public StaffWeComLink? ForWeComUser(string userId) => _links.FindOneWhere(LiteQuery.Is(nameof(StaffWeComLink.WeComUserId), userId));

    public IReadOnlyList<StaffWeComLink> All() => _links.All();

    public bool Set(int staffId, string? weComUserId, string? alerts) => LiteTransaction.Exclusively(_db, _gate, () =>
    {
        var holder = string.IsNullOrEmpty(weComUserId) ? null : ForWeComUser(weComUserId);
        var (refused, save) = StaffWeComLinkRules.Set(ForStaff(staffId), holder, staffId, weComUserId, alerts);
        if (refused) return false;
        if (save is null) _links.Collection.Delete(staffId);
        else _links.Upsert(save);
        return true;
    });

    public void Change(int staffId, Action<StaffWeComLink> change) => LiteTransaction.Exclusively(_db, _gate, () =>
    {
        if (ForStaff(staffId) is not { } link) return false;
        change(link);
        return _links.Update(link);
    });
}
