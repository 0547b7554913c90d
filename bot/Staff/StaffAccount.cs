
namespace ChatAssistant.Staff;

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
    /// <see cref="StaffSignIn.MaxFailingAddresses"/> the account locks.
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

    /// <summary>Ends the account's own lock-out and forgets the addresses that failed (a sign-in, a new password, an unlock).</summary>
    public void ClearLockOut()
    {
        FailedFrom.Clear();
        FailedSignIns = 0;
        LockedUntil = null;
    }
}
