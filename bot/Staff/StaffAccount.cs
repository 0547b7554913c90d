using LiteDB;

namespace ChatAssistant.Staff;

/// <summary>Staff roles. Admins see everything; staff see only their scope (a district or workshop).</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Staff = "staff";

    public static bool IsValid(string role) => role is Admin or Staff;
}

/// <summary>A staff member who signs in to the console or calls the staff API.</summary>
public sealed class StaffAccount
{
    public int Id { get; set; }

    /// <summary>Sign-in name, stored lower-case, unique.</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = StaffRoles.Staff;

    /// <summary>District or workshop this member serves (null for admins: everything).</summary>
    public string? Scope { get; set; }

    /// <summary>ASP.NET Core Identity password hash (PBKDF2).</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>How many addresses had a wrong password since the last sign-in (<see cref="FailedFrom"/>).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>
    /// Digests of the addresses (IPv6: /64 networks) with a wrong password since the last sign-in; at
    /// <see cref="StaffStore.MaxFailingAddresses"/> the account locks.
    /// </summary>
    public List<string> FailedFrom { get; set; } = [];

    public DateTimeOffset? LockedUntil { get; set; }

    public bool Disabled { get; set; }

    /// <summary>
    /// Raised when the account is disabled or enabled or its password changes: console sessions signed in before
    /// carry the old number and stop working on their next request.
    /// </summary>
    public int SessionVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A bearer token for scripts; only its SHA-256 is stored.</summary>
public sealed class StaffToken
{
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();

    public string Hash { get; set; } = "";

    public int StaffId { get; set; }

    public string Label { get; set; } = "";

    /// <summary>The account's <see cref="StaffAccount.SessionVersion"/> when issued: a disable or a new password ends the token.</summary>
    public int SessionVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the token stops working; null for tokens issued before tokens expired (they never do).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>A console session that was signed out: its cookie no longer counts, until it would have expired.</summary>
public sealed class EndedSession
{
    /// <summary>The session's id (the <c>sid</c> claim of its cookie).</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset Until { get; set; }
}
