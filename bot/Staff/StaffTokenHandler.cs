using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Staff;

/// <summary>Authenticates "Authorization: Bearer ca_…" tokens issued with <c>staff token</c>.</summary>
internal sealed class StaffTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var account = tokens.AccountOf(header["Bearer ".Length..].Trim());
        if (account is null) return Task.FromResult(AuthenticateResult.Fail("invalid token"));
        var principal = StaffAuthentication.Principal(account, Scheme.Name, "token");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
