using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.StaffPhone;

/// <summary>Staff accounts' WeCom members (<see cref="StaffWeComLink"/>), in their own collection beside the accounts.</summary>
public sealed class StaffWeComLinks
{
    public const string Collection = "staff_wecom";

    private readonly ILiteCollection<StaffWeComLink> _links;
    private readonly object _gate = new();

    public StaffWeComLinks(ILiteDatabase db)
    {
        _links = db.GetCollection<StaffWeComLink>(Collection);
        _links.EnsureIndex(l => l.WeComUserId, unique: false);
    }

    public StaffWeComLink? ForStaff(int staffId) => _links.FindById(staffId);

    public StaffWeComLink? ForWeComUser(string userId) => _links.FindOneWhere(LiteQuery.Is(nameof(StaffWeComLink.WeComUserId), userId));

    public IReadOnlyList<StaffWeComLink> All() => _links.FindAll().ToList();

    /// <summary>
    /// Links the account to <paramref name="weComUserId"/> (empty: unlinks) and/or sets its preference; null leaves a
    /// value as it is. Refused (false) when another account already has that WeCom member.
    /// </summary>
    public bool Set(int staffId, string? weComUserId, string? alerts)
    {
        lock (_gate)
        {
            if (!string.IsNullOrEmpty(weComUserId) && ForWeComUser(weComUserId) is { } other && other.Id != staffId) return false;
            var link = ForStaff(staffId) ?? new StaffWeComLink { Id = staffId };
            if (weComUserId is not null) link.WeComUserId = weComUserId;
            if (alerts is not null) link.Alerts = alerts;
            if (link.WeComUserId.Length == 0 && alerts is null) { _links.Delete(staffId); return true; }
            _links.Upsert(link);
            return true;
        }
    }

    /// <summary>Changes the link of <paramref name="staffId"/> under the store's lock (nothing when it has none).</summary>
    public void Change(int staffId, Action<StaffWeComLink> change)
    {
        lock (_gate)
        {
            if (ForStaff(staffId) is not { } link) return;
            change(link);
            _links.Update(link);
        }
    }
}
