using System.Security.Claims;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Disputes;

/// <summary>
/// Who sees which help request: admins all; county staff their county's; a request of 其他地区 (unassigned) the staff
/// of the default scope — the same setting that receives hand-offs of unknown county, <c>Escalation:DefaultScope</c>
/// (e.g. the city committee) — and otherwise admins only.
/// </summary>
public sealed class TicketScope(IOptions<EscalationOptions> escalation)
{
    /// <summary>The staff scope responsible for <paramref name="county"/> (null: admins only).</summary>
    public string? ScopeOf(string county) => CountyDirectory.IsUnassigned(county) ? escalation.Value.DefaultScope : county;

    public bool CanSee(ClaimsPrincipal user, Ticket ticket) =>
        user.IsAdmin() || (ScopeOf(ticket.County) is { } scope && string.Equals(user.Scope(), scope, StringComparison.Ordinal));
}
