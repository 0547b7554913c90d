using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Staff.Postgres;

/// <summary>
/// Staff records in PostgreSQL (<c>staff</c>, <c>staff_sessions_ended</c>, <c>staff_tokens</c>, migration 0005).
/// Account changes take turns across instances under one transaction-scoped advisory lock
/// (<see cref="Exclusively{T}"/>); a user name is unique by constraint. Nothing is cached: a disable or a sign-out
/// through one instance must end the session on every other at its next request.
/// </summary>
public sealed class PostgresStaffRecords(PostgresRecords records) : IStaffRecords
{
    private const string AccountColumns =
        "id AS Id, user_name AS UserName, display_name AS DisplayName, role AS Role, scope AS Scope, password_hash AS PasswordHash, " +
        "failed_sign_ins AS FailedSignIns, failed_from AS FailedFrom, locked_until AS LockedUntil, disabled AS Disabled, " +
        "session_version AS SessionVersion, created_at AS CreatedAt";

    private const string TokenColumns =
        "id AS Id, hash AS Hash, staff_id AS StaffId, label AS Label, session_version AS SessionVersion, created_at AS CreatedAt, expires_at AS ExpiresAt";

    private const string InsertAccount =
        "INSERT INTO staff ({0}user_name, display_name, role, scope, password_hash, failed_sign_ins, failed_from, locked_until, disabled, session_version, created_at) " +
        "VALUES ({1}@UserName, @DisplayName, @Role, @Scope, @PasswordHash, @FailedSignIns, @FailedFrom, @LockedUntil, @Disabled, @SessionVersion, @CreatedAt)";

    private const string InsertToken =
        "INSERT INTO staff_tokens (id, hash, staff_id, label, session_version, created_at, expires_at) " +
        "VALUES (@Id, @Hash, @StaffId, @Label, @SessionVersion, @CreatedAt, @ExpiresAt)";

    // "STAF": the one lock of every account change (rare: sign-ins, staff commands).
    private const long AccountLock = 0x5354_4146;

    /// <summary>How <c>records copy</c> moves the accounts (ids kept).</summary>
    public static RecordsTableCopy<StaffAccount> CopyAccounts() => new(
        "staff", string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertAccount, "id, ", "@Id, "), AccountRow,
        (c, t) => c.Query<AccountRowRead>($"SELECT {AccountColumns} FROM staff ORDER BY id", transaction: t).Select(r => r.ToAccount()),
        identity: true);

    /// <summary>How <c>records copy</c> moves the signed-out sessions.</summary>
    public static RecordsTableCopy<EndedSession> CopyEndedSessions() => new(
        "staff_sessions_ended", "INSERT INTO staff_sessions_ended (id, until) VALUES (@Id, @Until)", s => s,
        (c, t) => c.Query<EndedSession>("SELECT id AS Id, until AS Until FROM staff_sessions_ended ORDER BY id", transaction: t),
        identity: false);

    /// <summary>How <c>records copy</c> moves the tokens (ids kept: the LiteDB document ids, as text).</summary>
    public static RecordsTableCopy<StaffToken> CopyTokens() => new(
        "staff_tokens", InsertToken, t => t,
        (c, t) => c.Query<StaffToken>($"SELECT {TokenColumns} FROM staff_tokens ORDER BY seq", transaction: t),
        identity: false,
        readLite: LiteDb.LiteStaffRecords.ReadTokens,
        writeLite: LiteDb.LiteStaffRecords.WriteToken);

    // The addresses that failed go as a text[] (Npgsql takes a string array as one).
    private static object AccountRow(StaffAccount a) => new
    {
        a.Id, a.UserName, a.DisplayName, a.Role, a.Scope, a.PasswordHash, a.FailedSignIns, FailedFrom = a.FailedFrom.ToArray(),
        a.LockedUntil, a.Disabled, a.SessionVersion, a.CreatedAt,
    };

    public T Exclusively<T>(Func<T> action) => records.Exclusively(AccountLock, action);

    public bool TryAdd(StaffAccount account)
    {
        var id = records.Use((c, t) => c.ExecuteScalar<int?>(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertAccount, "", "") + " ON CONFLICT (user_name) DO NOTHING RETURNING id",
            AccountRow(account), t));
        if (id is null) return false;
        account.Id = id.Value;
        return true;
    }

    public StaffAccount? Find(string userName) => records.Use((c, t) =>
        c.QuerySingleOrDefault<AccountRowRead>($"SELECT {AccountColumns} FROM staff WHERE user_name = @userName", new { userName }, t))?.ToAccount();

    public StaffAccount? FindById(int id) => records.Use((c, t) =>
        c.QuerySingleOrDefault<AccountRowRead>($"SELECT {AccountColumns} FROM staff WHERE id = @id", new { id }, t))?.ToAccount();

    public IReadOnlyList<StaffAccount> All() => records.Use((c, t) =>
        c.Query<AccountRowRead>($"SELECT {AccountColumns} FROM staff ORDER BY user_name COLLATE \"C\"", transaction: t).Select(r => r.ToAccount()).ToList());

    public void Update(StaffAccount account) => records.Use((c, t) => c.Execute(
        "UPDATE staff SET user_name = @UserName, display_name = @DisplayName, role = @Role, scope = @Scope, password_hash = @PasswordHash, " +
        "failed_sign_ins = @FailedSignIns, failed_from = @FailedFrom, locked_until = @LockedUntil, disabled = @Disabled, " +
        "session_version = @SessionVersion WHERE id = @Id", AccountRow(account), t));

    public bool AnyOtherEnabledAdmin(int id) => records.Use((c, t) => c.ExecuteScalar<bool>(
        "SELECT EXISTS (SELECT 1 FROM staff WHERE id <> @id AND role = @admin AND NOT disabled)", new { id, admin = StaffRoles.Admin }, t));

    public void EndSession(string sessionId, DateTimeOffset until, DateTimeOffset now) => records.Use((c, t) =>
    {
        c.Execute("DELETE FROM staff_sessions_ended WHERE until < @now", new { now = PostgresLimits.Clamp(now) }, t);
        return c.Execute("INSERT INTO staff_sessions_ended (id, until) VALUES (@sessionId, @until) ON CONFLICT (id) DO UPDATE SET until = EXCLUDED.until",
            new { sessionId, until = PostgresLimits.Clamp(until) }, t);
    });

    public bool SessionEnded(string sessionId) => records.Use((c, t) =>
        c.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM staff_sessions_ended WHERE id = @sessionId)", new { sessionId }, t));

    public void AddToken(StaffToken token)
    {
        token.Id = RecordIds.New(token.CreatedAt);
        records.Use((c, t) => c.Execute(InsertToken, token, t));
    }

    public IReadOnlyList<StaffToken> TokensOf(int staffId) => records.Use((c, t) =>
        c.Query<StaffToken>($"SELECT {TokenColumns} FROM staff_tokens WHERE staff_id = @staffId ORDER BY created_at DESC, seq DESC", new { staffId }, t).AsList());

    public StaffToken? FindToken(string hash) => records.Use((c, t) =>
        c.QuerySingleOrDefault<StaffToken>($"SELECT {TokenColumns} FROM staff_tokens WHERE hash = @hash", new { hash }, t));

    public bool DeleteToken(int staffId, string tokenId) => records.Use((c, t) =>
        c.Execute("DELETE FROM staff_tokens WHERE id = @tokenId AND staff_id = @staffId", new { tokenId, staffId }, t)) == 1;

    // Dapper reads text[] as string[]; the account keeps a list.
    private sealed class AccountRowRead
    {
        public int Id { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public string? Scope { get; set; }
        public string PasswordHash { get; set; } = "";
        public int FailedSignIns { get; set; }
        public string[] FailedFrom { get; set; } = [];
        public DateTimeOffset? LockedUntil { get; set; }
        public bool Disabled { get; set; }
        public int SessionVersion { get; set; }
        public DateTimeOffset CreatedAt { get; set; }

        public StaffAccount ToAccount() => new()
        {
            Id = Id, UserName = UserName, DisplayName = DisplayName, Role = Role, Scope = Scope, PasswordHash = PasswordHash,
            FailedSignIns = FailedSignIns, FailedFrom = [.. FailedFrom], LockedUntil = LockedUntil, Disabled = Disabled,
            SessionVersion = SessionVersion, CreatedAt = CreatedAt,
        };
    }
}
