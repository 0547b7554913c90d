using System.Security.Claims;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>
/// Who may see which escalation: admins everything; staff the escalations of the counties below their scope (a
/// county's staff their county, a city's staff its account's counties); escalations whose county is unknown go to
/// admins and to the staff whose scope covers <see cref="EscalationOptions.DefaultScope"/>.
/// </summary>
public sealed class EscalationScope(IOptions<EscalationOptions> options, StaffScopes scopes)
{
    public bool CanSee(ClaimsPrincipal user, string? county) => CanSee(user.StaffScope(), county);

    /// <summary>The same rule for an account (to check whom an escalation may be assigned to).</summary>
    public bool CanSee(StaffAccount account, string? county) => CanSee(scopes.Of(account), county);

    private bool CanSee(StaffScope scope, string? county) =>
        scope.Covers(county ?? options.Value.DefaultScope);
}
