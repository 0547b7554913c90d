using System.Globalization;
using System.Security.Claims;

namespace ChatAssistant.Staff;

/// <summary>Reads who the signed-in staff member is, for scope checks in feature endpoints.</summary>
public static class StaffUser
{
    public static int Id(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);

    public static string Name(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin);

    /// <summary>The district or workshop the member serves; null for admins (everything).</summary>
    public static string? Scope(this ClaimsPrincipal user) => user.IsAdmin() ? null : user.FindFirstValue(StaffAuthentication.ScopeClaim);

    /// <summary>True when the member may see a record of <paramref name="scope"/>.</summary>
    public static bool CanSee(this ClaimsPrincipal user, string? scope) =>
        user.IsAdmin() || (scope is not null && string.Equals(user.Scope(), scope, StringComparison.Ordinal));
}
