using System.Security.Claims;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>
/// Who may see which escalation: admins everything; staff the escalations of their own county; escalations
/// whose county is unknown go to admins and to the staff of <see cref="EscalationOptions.DefaultScope"/>.
/// </summary>
public sealed class EscalationScope(IOptions<EscalationOptions> options)
{
    public bool CanSee(ClaimsPrincipal user, string? county) => CanSee(user.IsAdmin(), user.Scope(), county);

    /// <summary>The same rule for an account (to check whom an escalation may be assigned to).</summary>
    public bool CanSee(StaffAccount account, string? county) => CanSee(account.Role == StaffRoles.Admin, account.Scope, county);

    private bool CanSee(bool admin, string? scope, string? county)
    {
        if (admin) return true;
        if (scope is null) return false;
        return county is null
            ? string.Equals(scope, options.Value.DefaultScope, StringComparison.Ordinal)
            : string.Equals(scope, county, StringComparison.Ordinal);
    }
}
