using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ChatAssistant.Staff;

/// <summary>
/// Resolves a member's <see cref="StaffScope"/> from their account (role and scope setting) through the configured
/// accounts' counties (<see cref="IScopeAreas"/>), and, as the claims transformation run on every authenticated
/// request, adds the counties to the principal: <c>http.User.StaffScope()</c> then needs no service. Resolving on each
/// request (not at sign-in) means a changed account setting applies at once.
/// </summary>
public sealed class StaffScopes(IEnumerable<IScopeAreas> areas) : IClaimsTransformation
{
    /// <summary>The claim carrying one county below the member's scope.</summary>
    public const string CountyClaim = "scope.county";

    public StaffScope Of(StaffAccount account) =>
        account.Role == StaffRoles.Admin ? StaffScope.Everything : Of(account.Scope);

    private StaffScope Of(string? name) =>
        string.IsNullOrWhiteSpace(name) ? StaffScope.Nothing : StaffScope.Of(name, CountiesOf(name));

    private IReadOnlyCollection<string> CountiesOf(string name)
    {
        foreach (var source in areas)
            if (source.CountiesOf(name) is { } counties) return counties;
        return [name];
    }

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.IsAdmin() || principal.Identity is not { IsAuthenticated: true }
            || principal.HasClaim(c => c.Type == CountyClaim)
            || principal.FindFirstValue(StaffAuthentication.ScopeClaim) is not { Length: > 0 } name)
            return Task.FromResult(principal);
        // A copy: the cookie handler may write the principal it authenticated back into a renewed cookie, and the
        // counties must not travel in it (they are read from the settings on every request).
        var copy = principal.Clone();
        var identity = (ClaimsIdentity)copy.Identity!;
        foreach (var county in CountiesOf(name)) identity.AddClaim(new Claim(CountyClaim, county));
        return Task.FromResult(copy);
    }
}
