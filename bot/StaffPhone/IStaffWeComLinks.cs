namespace ChatAssistant.StaffPhone;

/// <summary>
/// Staff accounts' WeCom members (<see cref="StaffWeComLink"/>; LiteDB: <see cref="LiteDb.LiteStaffWeComLinks"/>;
/// PostgreSQL: <see cref="Postgres.PostgresStaffWeComLinks"/>). One WeCom member belongs to one account at most.
/// </summary>
public interface IStaffWeComLinks
{
    StaffWeComLink? ForStaff(int staffId);

    StaffWeComLink? ForWeComUser(string userId);

    IReadOnlyList<StaffWeComLink> All();

    /// <summary>
    /// Links the account to <paramref name="weComUserId"/> (empty: unlinks) and/or sets its preference; null leaves a
    /// value as it is. Refused (false) when another account already has that WeCom member.
    /// </summary>
    bool Set(int staffId, string? weComUserId, string? alerts);

    /// <summary>Changes the link of <paramref name="staffId"/> while no other change of the links runs (nothing when it has none).</summary>
    void Change(int staffId, Action<StaffWeComLink> change);
}

/// <summary>The rules of <see cref="IStaffWeComLinks.Set"/>, the same on both providers.</summary>
public static class StaffWeComLinkRules
{
    /// <summary>
    /// The link to save for <paramref name="staffId"/> (null: delete it), or refused when <paramref name="holder"/>, the
    /// account that has <paramref name="weComUserId"/> now, is another.
    /// </summary>
    public static (bool Refused, StaffWeComLink? Save) Set(StaffWeComLink? current, StaffWeComLink? holder, int staffId, string? weComUserId, string? alerts)
    {
        if (!string.IsNullOrEmpty(weComUserId) && holder is not null && holder.Id != staffId) return (true, null);
        var link = current ?? new StaffWeComLink { Id = staffId };
        if (weComUserId is not null) link.WeComUserId = weComUserId;
        if (alerts is not null) link.Alerts = alerts;
        return (false, link.WeComUserId.Length == 0 && alerts is null ? null : link);
    }
}
