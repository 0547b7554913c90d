using LiteDB;

namespace ChatAssistant.Identity;

/// <summary>The two staff-managed rosters whose people can bind their WeChat account.</summary>
public enum RosterKind
{
    /// <summary>团代表 (youth-league delegates).</summary>
    Delegate,

    /// <summary>志愿者 (volunteers).</summary>
    Volunteer,
}

/// <summary>A person on a roster, and the OpenID bound to them (if any).</summary>
public sealed class RosterMember
{
    public int Id { get; set; }

    public RosterKind Kind { get; set; }

    /// <summary>The delegate id / volunteer id from the staff's CSV.</summary>
    public string MemberId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>区县 / 选区; staff scopes match it.</summary>
    public string District { get; set; } = "";

    public string? Phone { get; set; }

    public string? OpenId { get; set; }

    public DateTimeOffset? BoundAt { get; set; }

    /// <summary>Unique key of (kind, member id), for the unique index.</summary>
    public string Key { get; set; } = "";

    internal static string KeyOf(RosterKind kind, string memberId) => $"{kind}:{memberId}";
}

/// <summary>A one-time binding code; only its keyed hash is stored (<see cref="BindingCodeHasher"/>).</summary>
public sealed class BindingCode
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public string CodeHash { get; set; } = "";

    /// <summary>
    /// How <see cref="CodeHash"/> was made: <see cref="BindingCodeHasher.HmacScheme"/>, or 0 for a code issued by a
    /// version before keyed codes (plain SHA-256), which no longer binds.
    /// </summary>
    public int Scheme { get; set; }

    public RosterKind Kind { get; set; }

    public string MemberId { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>Wrong-code counter per OpenID, for the lockout.</summary>
public sealed class BindingAttempts
{
    /// <summary>The OpenID.</summary>
    public string Id { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A code as issued to staff (shown once).</summary>
public sealed record IssuedCode(string Code, DateTimeOffset ExpiresAt);

public enum BindStatus
{
    Bound,
    WrongCode,
    Expired,
    AlreadyUsed,
    LockedOut,

    /// <summary>Too many wrong codes from all users this hour: binding is paused for everyone, no code was checked.</summary>
    Paused,

    /// <summary>The code is right, but the person is bound to another WeChat account (staff must unbind first).</summary>
    BoundToAnotherAccount,

    /// <summary>The account is already bound and the code binds nothing new: said so, no attempt of theirs used.</summary>
    AlreadyBound,
}

/// <summary>The outcome of a binding attempt; <see cref="AttemptsLeft"/> before the lockout.</summary>
public sealed record BindResult(BindStatus Status, RosterMember? Member, int AttemptsLeft = 0);

/// <summary>One rejected line of an import.</summary>
public sealed record LineError(int Line, string Message);

/// <summary>The outcome of a roster import: all lines or none.</summary>
public sealed record RosterImportResult(bool Ok, int Added, int Updated, IReadOnlyList<LineError> Errors);
