using System.Globalization;
using System.Security.Claims;

namespace ChatAssistant.Staff;

/// <summary>Reads who the signed-in staff member is, for scope checks in feature endpoints.</summary>
public static class StaffUser
{
    public static int Id(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";

    /// <summary>How records and the audit log name a staff member: <c>staff:</c> and the sign-in name.</summary>
    public const string ActorPrefix = "staff:";

    /// <summary>The member as an actor in records and the audit log (see <see cref="ActorPrefix"/>).</summary>
    public static string Actor(this ClaimsPrincipal user) => ActorPrefix + user.Name();

    /// <summary>The actor name of the account signed in as <paramref name="userName"/>.</summary>
    public static string Actor(string userName) => ActorPrefix + userName;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin);

    /// <summary>The member's scope setting (a county, a workshop or a city's account name); null for admins (everything).</summary>
    public static string? Scope(this ClaimsPrincipal user) => user.IsAdmin() ? null : user.FindFirstValue(StaffAuthentication.ScopeClaim);

    /// <summary>
    /// What the member may see (<see cref="Staff.StaffScope"/>): everything for admins; else their scope setting and the
    /// counties below it, added to the principal by <see cref="StaffScopes"/> on each request.
    /// </summary>
    public static StaffScope StaffScope(this ClaimsPrincipal user)
    {
        if (user.IsAdmin()) return Staff.StaffScope.Everything;
        if (user.Scope() is not { Length: > 0 } name) return Staff.StaffScope.Nothing;
        var counties = user.FindAll(StaffScopes.CountyClaim).Select(c => c.Value).ToList();
        return Staff.StaffScope.Of(name, counties.Count > 0 ? counties : [name]);
    }

    /// <summary>True when the member may see a record of <paramref name="area"/> (a county or a scope name).</summary>
    public static bool CanSee(this ClaimsPrincipal user, string? area) => user.StaffScope().Covers(area);
}
