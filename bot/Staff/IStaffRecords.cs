namespace ChatAssistant.Staff;

/// <summary>
/// Staff accounts, signed-out console sessions and bearer tokens (LiteDB: <see cref="LiteDb.LiteStaffRecords"/>;
/// PostgreSQL: <see cref="Postgres.PostgresStaffRecords"/>). <see cref="StaffStore"/>, <see cref="StaffSignIn"/>,
/// <see cref="StaffSessions"/> and <see cref="StaffTokens"/> hold the rules; every change of an account reads it again
/// inside <see cref="Exclusively{T}"/>, so a sign-in's counters and a disable or a new password never overwrite each
/// other with a stale copy, on any instance.
/// </summary>
public interface IStaffRecords
{
    /// <summary>
    /// Runs <paramref name="action"/> in one transaction while no other call of this method runs, in this process or
    /// any other instance on the same records.
    /// </summary>
    T Exclusively<T>(Func<T> action);

    /// <summary>Adds an account and gives it its id; false when its user name is taken (nothing written).</summary>
    bool TryAdd(StaffAccount account);

    /// <summary>The account with this (already normalised) user name, or null.</summary>
    StaffAccount? Find(string userName);

    StaffAccount? FindById(int id);

    /// <summary>Every account, by user name.</summary>
    IReadOnlyList<StaffAccount> All();

    void Update(StaffAccount account);

    /// <summary>Whether an enabled admin other than account <paramref name="id"/> exists.</summary>
    bool AnyOtherEnabledAdmin(int id);

    /// <summary>Records a signed-out session until <paramref name="until"/>, forgetting those past their time at <paramref name="now"/>.</summary>
    void EndSession(string sessionId, DateTimeOffset until, DateTimeOffset now);

    bool SessionEnded(string sessionId);

    /// <summary>Stores a token (by its hash) and gives it its id.</summary>
    void AddToken(StaffToken token);

    /// <summary>An account's tokens, newest first.</summary>
    IReadOnlyList<StaffToken> TokensOf(int staffId);

    StaffToken? FindToken(string hash);

    /// <summary>Deletes token <paramref name="tokenId"/> of account <paramref name="staffId"/>; false when it has no such token.</summary>
    bool DeleteToken(int staffId, string tokenId);
}
