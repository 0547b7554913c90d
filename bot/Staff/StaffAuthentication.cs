using ChatAssistant.Staff.LiteDb;
using ChatAssistant.Staff.Postgres;
using ChatAssistant.Storage;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ChatAssistant.Adapters.Coordination;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Staff;

/// <summary>Cookie sign-in for the console, bearer tokens for scripts, CSRF and login rate limiting.</summary>
public static class StaffAuthentication
{
    public const string Scheme = "staff";
    public const string CookieScheme = "staff-cookie";
    public const string TokenScheme = "staff-token";
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";
    public const string LoginRateLimit = "staff-login";
    public const string ScopeClaim = "scope";
    public const string SessionClaim = "session-version";

    /// <summary>The id of one console sign-in, so that signing out ends that session on the server too.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>How long a console cookie lasts (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>How the caller authenticated: "pwd" (cookie, needs CSRF) or "token".</summary>
    public const string MethodClaim = "amr";

    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddRecordStore<IStaffRecords, LiteStaffRecords, PostgresStaffRecords>();
        services.AddSingleton<IRecordsTableCopy>(PostgresStaffRecords.CopyAccounts());
        services.AddSingleton<IRecordsTableCopy>(PostgresStaffRecords.CopyEndedSessions());
        services.AddSingleton<IRecordsTableCopy>(PostgresStaffRecords.CopyTokens());
        services.AddSingleton<StaffStore>();
        // Wrong passwords are counted where the short-lived keys are: in Redis for every instance, else in this process.
        services.AddSingleton<ISignInFailures>(sp => sp.GetRequiredService<IKeyValueCache>().IsShared
            ? ActivatorUtilities.CreateInstance<SharedSignInFailures>(sp)
            : new SignInFailures(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<StaffTokens>();
        services.AddSingleton<StaffScopes>();
        services.AddSingleton<IClaimsTransformation>(sp => sp.GetRequiredService<StaffScopes>());
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? TokenScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "ca_staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SessionLifetime;
                o.SlidingExpiration = true;
                // An API answers 401/403, it does not redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, StaffTokenHandler>(TokenScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "ca_csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The console shows the answer's "error": say what to do, not "请求失败（429）".
            o.OnRejected = (context, ct) => new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(new { error = StaffTexts.TooManyRequests }, ct));
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>
    /// Every cookie request re-reads the account (one LiteDB look-up by id): a disabled account, or one whose
    /// password changed since this sign-in, loses its console session at once, not when the 8-hour cookie runs out.
    /// </summary>
    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && context.HttpContext.RequestServices.GetRequiredService<StaffSessions>().StillSignedIn(principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieScheme);
    }

    /// <summary>The claims of a signed-in staff member.</summary>
    public static ClaimsPrincipal Principal(StaffAccount account, string scheme, string method)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
            new(MethodClaim, method),
            new(SessionClaim, account.SessionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (account.Scope is not null) claims.Add(new Claim(ScopeClaim, account.Scope));
        if (method == "pwd") claims.Add(new Claim(SessionIdClaim, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
