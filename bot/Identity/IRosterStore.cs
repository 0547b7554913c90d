namespace ChatAssistant.Identity;

/// <summary>
/// The rosters, binding codes and wrong-code counters (LiteDB: <see cref="LiteDb.LiteRosterStore"/>; PostgreSQL:
/// <see cref="Postgres.PostgresRosterStore"/>). <see cref="IdentityService"/> holds the rules; every change it makes
/// runs inside <see cref="Exclusively{T}"/>, so imports, codes issued, bindings and unbindings take turns on every
/// instance, and a code is marked used by a conditional write, so it binds once however many try it at once.
/// </summary>
public interface IRosterStore
{
    /// <summary>
    /// Runs <paramref name="action"/> in one transaction while no other call of this method runs, in this process or
    /// any other instance on the same records.
    /// </summary>
    T Exclusively<T>(Func<T> action);

    RosterMember? FindMember(RosterKind kind, string memberId);

    /// <summary>Every member of a roster, in no particular order.</summary>
    IReadOnlyList<RosterMember> Members(RosterKind kind);

    /// <summary>The members (at most one per roster) bound to <paramref name="openId"/>. Shared: do not change them.</summary>
    IReadOnlyList<RosterMember> BoundTo(string openId);

    /// <summary>Adds a member and gives them their id.</summary>
    void Add(RosterMember member);

    /// <summary>Writes a stored member's fields (name, district, phone, binding).</summary>
    void Update(RosterMember member);

    /// <summary>The code stored under <paramref name="codeHash"/>, or null.</summary>
    BindingCode? FindCode(string codeHash);

    void AddCode(BindingCode code);

    /// <summary>Marks a code used at <paramref name="at"/>; false when it was used already (the write is conditional).</summary>
    bool MarkUsed(string codeHash, DateTimeOffset at);

    /// <summary>Expires, at <paramref name="now"/>, the unused live codes of one member; returns how many.</summary>
    int ExpireCodesOf(RosterKind kind, string memberId, DateTimeOffset now);

    /// <summary>Expires, at <paramref name="now"/>, the unused live codes not made with <paramref name="scheme"/>; returns how many.</summary>
    int ExpireCodesNotOf(int scheme, DateTimeOffset now);

    /// <summary>The wrong-code counter of an OpenID, or null.</summary>
    BindingAttempts? FindAttempts(string openId);

    void SaveAttempts(BindingAttempts attempts);

    void DeleteAttempts(string openId);
}
