using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChatAssistant.Staff;

/// <summary>Sign-in, sign-out, who-am-I and account administration.</summary>
public static class StaffEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record CreateAccountRequest(string? UserName, string? Password, string? Role, string? Scope, string? DisplayName);

    public sealed record UpdateAccountRequest(string? Role, string? Scope, string? DisplayName);

    public static IEndpointRouteBuilder MapStaffAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(StaffApi.Prefix + "/login", LoginAsync).RequireRateLimiting(StaffAuthentication.LoginRateLimit);

        var group = StaffApi.Group(endpoints);
        group.MapPost("/logout", async (HttpContext http, StaffSessions sessions, TimeProvider time) =>
        {
            // Deleting the browser's cookie is not enough: a copy of it (another tab's event stream, a cookie
            // taken from the machine) would stay valid for hours.
            if (http.User.FindFirst(StaffAuthentication.SessionIdClaim)?.Value is { } sessionId)
                sessions.End(sessionId, time.GetUtcNow() + StaffAuthentication.SessionLifetime);
            await http.SignOutAsync(StaffAuthentication.CookieScheme);
            return Results.NoContent();
        });
        group.MapGet("/me", (HttpContext http, IAntiforgery antiforgery) => Results.Ok(Me(http, antiforgery)));

        var admin = StaffApi.Group(endpoints, "/accounts");
        admin.RequireAuthorization(StaffAuthentication.AdminPolicy);
        admin.MapGet("", (StaffStore store) => Results.Ok(store.All().Select(a => new { a.UserName, a.DisplayName, a.Role, a.Scope, Locked = a.LockedUntil is not null, a.Disabled })));
        admin.MapPost("", (CreateAccountRequest request, HttpContext http, StaffStore store, AuditLog audit) =>
        {
            try
            {
                var account = store.Create(request.UserName ?? "", request.Password ?? "", request.Role ?? "", request.Scope, request.DisplayName);
                audit.Record(http.User.Actor(), "staff.created", StaffUser.Actor(account.UserName), account.Role);
                return Results.Created($"{StaffApi.Prefix}/accounts/{account.UserName}", new { account.UserName, account.Role, account.Scope });
            }
            catch (StaffInputException e)
            {
                return Results.BadRequest(new { error = e.StaffMessage });
            }
        });
        // Scripts' bearer tokens: which exist (never the tokens), and ending one without signing the member out.
        admin.MapGet("/{userName}/tokens", (string userName, StaffTokens tokens, AssistantClock clock) =>
        {
            try
            {
                return Results.Ok(tokens.Of(userName).Select(t => new
                {
                    id = t.Id.ToString(), t.Label, createdAt = clock.ToLocal(t.CreatedAt), expiresAt = t.ExpiresAt is { } e ? clock.ToLocal(e) : (DateTimeOffset?)null,
                }));
            }
            catch (ArgumentException) { return Results.NotFound(new { error = StaffTexts.UnknownAccount }); }
        });
        admin.MapDelete("/{userName}/tokens/{id}", (string userName, string id, HttpContext http, StaffStore store, StaffTokens tokens, AuditLog audit) =>
        {
            try
            {
                if (!tokens.Revoke(userName, id)) return Results.NotFound(new { error = StaffTexts.UnknownToken });
                audit.Record(http.User.Actor(), "staff.token.revoked", StaffUser.Actor(store.Find(userName)!.UserName));
                return Results.NoContent();
            }
            catch (ArgumentException) { return Results.NotFound(new { error = StaffTexts.UnknownAccount }); }
        });
        admin.MapPost("/{userName}/unlock", async (string userName, HttpContext http, StaffStore store, StaffSignIn signIn, AuditLog audit) =>
        {
            try
            {
                await signIn.UnlockAsync(userName, http.RequestAborted);
                audit.Record(http.User.Actor(), "staff.unlocked", StaffUser.Actor(store.Find(userName)!.UserName));
                return Results.NoContent();
            }
            catch (ArgumentException) { return Results.NotFound(new { error = StaffTexts.UnknownAccount }); }
            // Redis is down: the account's own lock is cleared, the addresses' lock-outs are not; the admin tries again.
            catch (StorageUnavailableException) { return Results.Json(new { error = ChannelTexts.Busy }, statusCode: StatusCodes.Status503ServiceUnavailable); }
        });
        // Someone moves to another district, changes role, or their name was mistyped. A new role or scope ends
        // their sessions (they carry the old ones); they sign in again.
        admin.MapPatch("/{userName}", (string userName, UpdateAccountRequest request, HttpContext http, StaffStore store, AuditLog audit) =>
        {
            try
            {
                var (account, outcome) = store.Update(userName, request.Role, request.Scope, request.DisplayName);
                if (outcome == UpdateOutcome.LastAdmin) return Results.BadRequest(new { error = StaffTexts.LastAdminRole });
                if (outcome is UpdateOutcome.Changed or UpdateOutcome.ChangedSignedOut)
                    audit.Record(http.User.Actor(), "staff.updated", StaffUser.Actor(account.UserName));
                return Results.Ok(new { account.UserName, account.DisplayName, account.Role, account.Scope, signedOut = outcome == UpdateOutcome.ChangedSignedOut });
            }
            catch (StaffInputException e)
            {
                return Results.BadRequest(new { error = e.StaffMessage });
            }
            catch (ArgumentException)
            {
                return Results.NotFound(new { error = StaffTexts.UnknownAccount });
            }
        });
        // Someone leaves: no more sign-ins, tokens or open console sessions, from the next request on.
        admin.MapPost("/{userName}/disable", (string userName, HttpContext http, StaffStore store, AuditLog audit) =>
            SetDisabled(userName, true, http, store, audit));
        admin.MapPost("/{userName}/enable", (string userName, HttpContext http, StaffStore store, AuditLog audit) =>
            SetDisabled(userName, false, http, store, audit));
        return endpoints;
    }

    private static IResult SetDisabled(string userName, bool disabled, HttpContext http, StaffStore store, AuditLog audit)
    {
        if (disabled && string.Equals(store.Find(userName)?.UserName, http.User.Name(), StringComparison.Ordinal))
            return Results.BadRequest(new { error = StaffTexts.CannotDisableSelf });
        try
        {
            var (account, outcome) = store.SetDisabled(userName, disabled);
            if (outcome == DisableOutcome.LastAdmin) return Results.BadRequest(new { error = StaffTexts.LastAdmin });
            if (outcome == DisableOutcome.Changed)
                audit.Record(http.User.Actor(), disabled ? "staff.disabled" : "staff.enabled", StaffUser.Actor(account.UserName));
            return Results.NoContent();
        }
        catch (ArgumentException)
        {
            return Results.NotFound(new { error = StaffTexts.UnknownAccount });
        }
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext http, StaffSignIn signIn, IAntiforgery antiforgery, ILoggerFactory logs)
    {
        // The client's address (the proxy's forwarded one, see Proxy:KnownProxies): failures lock that address out.
        var outcome = await signIn.SignInAsync(request.UserName ?? "", request.Password ?? "", http.Connection.RemoteIpAddress?.ToString() ?? "", http.RequestAborted);
        var log = logs.CreateLogger("ChatAssistant.Staff.Login");
        switch (outcome.Status)
        {
            case SignInStatus.NameTooLong:
                return Results.BadRequest(new { error = StaffTexts.UserNameTooLong });
            case SignInStatus.LockedOut:
                log.LogWarning("Sign-in refused: account locked");
                return Results.Json(new { error = StaffTexts.LockedOut }, statusCode: StatusCodes.Status423Locked);
            case SignInStatus.Failed:
                log.LogInformation("Sign-in failed");
                return Results.Json(new { error = StaffTexts.BadCredentials }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var account = outcome.Account!;
        var principal = StaffAuthentication.Principal(account, StaffAuthentication.CookieScheme, "pwd");
        await http.SignInAsync(StaffAuthentication.CookieScheme, principal);
        http.User = principal; // the CSRF token is bound to the signed-in user
        log.LogInformation("Staff {StaffId} signed in", account.Id);
        return Results.Ok(Me(http, antiforgery));
    }

    private static object Me(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new
        {
            userName = http.User.Name(),
            role = http.User.IsAdmin() ? StaffRoles.Admin : StaffRoles.Staff,
            scope = http.User.Scope(),
            csrfToken = tokens.RequestToken,
        };
    }
}
