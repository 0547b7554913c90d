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
