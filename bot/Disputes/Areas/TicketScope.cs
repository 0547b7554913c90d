using System.Security.Claims;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>
/// Who sees which help request: admins all; staff those of the counties below their scope (a city's staff its
/// account's counties); a request of 其他地区 (unassigned) the staff
/// of the default scope — the same setting that receives hand-offs of unknown county, <c>Escalation:DefaultScope</c>
/// (e.g. the city committee) — and otherwise admins only.
/// </summary>
public sealed class TicketScope(IOptions<EscalationOptions> escalation, StaffScopes scopes)
{
    /// <summary>The staff scope responsible for <paramref name="county"/> (null: admins only).</summary>
    public string? ScopeOf(string county) => CountyDirectory.IsUnassigned(county) ? escalation.Value.DefaultScope : county;

    public bool CanSee(ClaimsPrincipal user, Ticket ticket) =>
        user.IsAdmin() || (ScopeOf(ticket.County) is { } scope && user.StaffScope().Covers(scope));

    /// <summary>The same rule for an account (whom a help request's phone alert may reach).</summary>
    public bool CanSee(StaffAccount account, Ticket ticket) =>
        account.Role == StaffRoles.Admin || (ScopeOf(ticket.County) is { } scope && scopes.Of(account).Covers(scope));
}
