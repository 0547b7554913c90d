using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.Identity.Postgres;

/// <summary>
/// The rosters and binding codes in PostgreSQL (<c>roster</c>, <c>binding_codes</c>, <c>binding_attempts</c>,
/// migration 0004). Changes take turns across instances under one transaction-scoped advisory lock
/// (<see cref="Exclusively{T}"/>); a code is marked used by <c>UPDATE … WHERE used_at IS NULL</c>, and a unique index
/// keeps one OpenID to one person per roster. Nothing is cached: another instance may bind meanwhile.
/// </summary>
public sealed class PostgresRosterStore(PostgresRecords records) : IRosterStore
{
    private const string MemberColumns =
        "id AS Id, kind AS Kind, member_id AS MemberId, name AS Name, district AS District, phone AS Phone, open_id AS OpenId, " +
        "bound_at AS BoundAt, key AS Key";

    private const string CodeColumns =
        "code_hash AS CodeHash, scheme AS Scheme, kind AS Kind, member_id AS MemberId, expires_at AS ExpiresAt, used_at AS UsedAt";

    // "ROST": the one lock of every roster change (imports, codes, bindings are rare; one lock keeps them simple).
    private const long RosterLock = 0x524F_5354;

    /// <summary>How <c>records copy</c> moves the rosters (ids kept).</summary>
    public static RecordsTableCopy<RosterMember> CopyMembers() => new(
        "roster",
        "INSERT INTO roster (id, kind, member_id, name, district, phone, open_id, bound_at, key) " +
        "VALUES (@Id, @Kind, @MemberId, @Name, @District, @Phone, @OpenId, @BoundAt, @Key)",
        MemberRow,
        (c, t) => c.Query<RosterMember>($"SELECT {MemberColumns} FROM roster ORDER BY id", transaction: t),
        identity: true);

    /// <summary>How <c>records copy</c> moves the binding codes.</summary>
    public static RecordsTableCopy<BindingCode> CopyCodes() => new(
        "binding_codes",
        "INSERT INTO binding_codes (code_hash, scheme, kind, member_id, expires_at, used_at) VALUES (@CodeHash, @Scheme, @Kind, @MemberId, @ExpiresAt, @UsedAt)",
        CodeRow,
        (c, t) => c.Query<BindingCode>($"SELECT {CodeColumns} FROM binding_codes ORDER BY code_hash", transaction: t),
        identity: false);

    /// <summary>How <c>records copy</c> moves the wrong-code counters.</summary>
    public static RecordsTableCopy<BindingAttempts> CopyAttempts() => new(
        "binding_attempts",
        "INSERT INTO binding_attempts (id, failures, locked_until) VALUES (@Id, @Failures, @LockedUntil)",
        a => a,
        (c, t) => c.Query<BindingAttempts>("SELECT id AS Id, failures AS Failures, locked_until AS LockedUntil FROM binding_attempts ORDER BY id", transaction: t),
        identity: false);

    // Kinds are stored by name (Dapper would send the number).
    private static object MemberRow(RosterMember m) =>
        new { m.Id, Kind = m.Kind.ToString(), m.MemberId, m.Name, m.District, m.Phone, m.OpenId, m.BoundAt, m.Key };

    private static object CodeRow(BindingCode c) =>
        new { c.CodeHash, c.Scheme, Kind = c.Kind.ToString(), c.MemberId, c.ExpiresAt, c.UsedAt };

    public T Exclusively<T>(Func<T> action) => records.Exclusively(RosterLock, action);

    public RosterMember? FindMember(RosterKind kind, string memberId) => records.Use((c, t) =>
        c.QuerySingleOrDefault<RosterMember>($"SELECT {MemberColumns} FROM roster WHERE key = @key", new { key = RosterMember.KeyOf(kind, memberId) }, t));

    public IReadOnlyList<RosterMember> Members(RosterKind kind) => records.Use((c, t) =>
        c.Query<RosterMember>($"SELECT {MemberColumns} FROM roster WHERE kind = @kind", new { kind = kind.ToString() }, t).AsList());

    public IReadOnlyList<RosterMember> BoundTo(string openId) => records.Use((c, t) =>
        c.Query<RosterMember>($"SELECT {MemberColumns} FROM roster WHERE open_id = @openId", new { openId }, t).AsList());

    public void Add(RosterMember member) => member.Id = records.Use((c, t) => c.ExecuteScalar<int>(
        "INSERT INTO roster (kind, member_id, name, district, phone, open_id, bound_at, key) " +
        "VALUES (@Kind, @MemberId, @Name, @District, @Phone, @OpenId, @BoundAt, @Key) RETURNING id", MemberRow(member), t));

    public void Update(RosterMember member) => records.Use((c, t) => c.Execute(
        "UPDATE roster SET name = @Name, district = @District, phone = @Phone, open_id = @OpenId, bound_at = @BoundAt WHERE id = @Id",
        MemberRow(member), t));

    public BindingCode? FindCode(string codeHash) => records.Use((c, t) =>
        c.QuerySingleOrDefault<BindingCode>($"SELECT {CodeColumns} FROM binding_codes WHERE code_hash = @codeHash", new { codeHash }, t));

    public void AddCode(BindingCode code) => records.Use((c, t) => c.Execute(
        "INSERT INTO binding_codes (code_hash, scheme, kind, member_id, expires_at, used_at) VALUES (@CodeHash, @Scheme, @Kind, @MemberId, @ExpiresAt, @UsedAt)",
        CodeRow(code), t));

    public bool MarkUsed(string codeHash, DateTimeOffset at) => records.Use((c, t) => c.Execute(
        "UPDATE binding_codes SET used_at = @at WHERE code_hash = @codeHash AND used_at IS NULL", new { codeHash, at }, t)) == 1;

    public int ExpireCodesOf(RosterKind kind, string memberId, DateTimeOffset now) => records.Use((c, t) => c.Execute(
        "UPDATE binding_codes SET expires_at = @now WHERE member_id = @memberId AND kind = @kind AND used_at IS NULL AND expires_at > @now",
        new { memberId, kind = kind.ToString(), now }, t));

    public int ExpireCodesNotOf(int scheme, DateTimeOffset now) => records.Use((c, t) => c.Execute(
        "UPDATE binding_codes SET expires_at = @now WHERE scheme <> @scheme AND used_at IS NULL AND expires_at > @now", new { scheme, now }, t));

    public BindingAttempts? FindAttempts(string openId) => records.Use((c, t) => c.QuerySingleOrDefault<BindingAttempts>(
        "SELECT id AS Id, failures AS Failures, locked_until AS LockedUntil FROM binding_attempts WHERE id = @openId", new { openId }, t));

    public void SaveAttempts(BindingAttempts attempts) => records.Use((c, t) => c.Execute(
        "INSERT INTO binding_attempts (id, failures, locked_until) VALUES (@Id, @Failures, @LockedUntil) " +
        "ON CONFLICT (id) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until", attempts, t));

    public void DeleteAttempts(string openId) => records.Use((c, t) => c.Execute("DELETE FROM binding_attempts WHERE id = @openId", new { openId }, t));
}
