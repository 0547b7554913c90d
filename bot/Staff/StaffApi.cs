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
        return group;
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
