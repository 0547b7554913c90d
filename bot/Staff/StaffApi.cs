using Microsoft.AspNetCore.Antiforgery;

namespace ChatAssistant.Staff;

/// <summary>
/// The authenticated staff API under /api/staff. Features add their endpoints to a group from
/// <see cref="Group"/>; sign-in and CSRF protection come with it.
/// </summary>
public static class StaffApi
{
    public const string Prefix = "/api/staff";

    /// <summary>A route group under /api/staff that requires a signed-in staff member and CSRF tokens on cookie writes.</summary>
    public static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, string path = "")
    {
        var group = endpoints.MapGroup(Prefix + path);
        group.RequireAuthorization(StaffAuthentication.StaffPolicy);
        group.AddEndpointFilter(CsrfFilter);
        group.AddEndpointFilter(RefusalAuditFilter);
        return group;
    }

    /// <summary>The audit action of a staff request refused as forbidden or not found (out of scope, or absent).</summary>
    public const string RefusedAction = "staff.refused";

    /// <summary>
    /// Puts every staff request answered 403 or 404 on the audit log (<see cref="RefusedAction"/>, the method and
    /// path, the status): out of scope and not found look the same to the caller on purpose, but who tried to reach
    /// another county's or city's records is on record. Paths carry record numbers, never OpenIDs.
    /// </summary>
    internal static async ValueTask<object?> RefusalAuditFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound } refused
            && context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<Audit.AuditLog>().Record(http.User.Actor(), RefusedAction,
                $"{http.Request.Method} {http.Request.Path}", refused.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return result;
    }

    /// <summary>
    /// Cookie-authenticated writes must carry the X-CSRF-TOKEN header; bearer-token calls (scripts) need not,
    /// because a browser never attaches that header by itself.
    /// </summary>
    internal static async ValueTask<object?> CsrfFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.HasClaim(StaffAuthentication.MethodClaim, "pwd"))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.Json(new { error = StaffTexts.CsrfMissing }, statusCode: StatusCodes.Status400BadRequest);
        }
        return await next(context);
    }
}
