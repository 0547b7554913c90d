using ChatAssistant.Audit;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;

namespace ChatAssistant.OnCall;

/// <summary>
/// <c>/api/staff/oncall</c>: the on-call rota (a member sees and edits their own county's lines, admins all; lines from
/// configuration are shown and cannot be changed here), and <c>PUT /api/staff/accounts/{name}/wecom</c> (admins): a
/// member's WeCom user id and which alerts reach their phone. Every change is audited.
/// </summary>
public static class OnCallEndpoints
{
    public sealed record ShiftRequest(string? County, string? Staff, string? Days, string? From, string? To);

    public sealed record WeComRequest(string? UserId, string? Alerts);

    public static IEndpointRouteBuilder MapOnCall(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/oncall");
        group.MapGet("", (HttpContext http, OnCallRota rota) =>
            Results.Ok(new { items = rota.Lines().Where(s => http.User.MayManage(s.County)).Select(View) }));
        group.MapPost("", (ShiftRequest request, HttpContext http, OnCallStore store, StaffStore staff, AuditLog audit) =>
        {
            var shift = Shift(request);
            if (Refused(http, shift, staff) is { } refused) return refused;
            store.Add(shift);
            audit.Record(http.User.Actor(), "oncall.added", $"oncall:{shift.Id}", $"{shift.County} {shift.Staff} {shift.Days} {shift.From}-{shift.To}");
            return Results.Ok(View(shift));
        });
        group.MapPut("/{id:int}", (int id, ShiftRequest request, HttpContext http, OnCallStore store, StaffStore staff, AuditLog audit) =>
        {
            if (store.Get(id) is not { } old || !http.User.MayManage(old.County)) return Results.NotFound(new { error = OnCallTexts.NotFound });
            var shift = Shift(request);
            shift.Id = id;
            if (Refused(http, shift, staff) is { } refused) return refused;
            store.Update(shift);
            audit.Record(http.User.Actor(), "oncall.changed", $"oncall:{id}", $"{shift.County} {shift.Staff} {shift.Days} {shift.From}-{shift.To}");
            return Results.Ok(View(shift));
        });
        group.MapDelete("/{id:int}", (int id, HttpContext http, OnCallStore store, AuditLog audit) =>
        {
            if (store.Get(id) is not { } old || !http.User.MayManage(old.County)) return Results.NotFound(new { error = OnCallTexts.NotFound });
            store.Delete(id);
            audit.Record(http.User.Actor(), "oncall.removed", $"oncall:{id}", $"{old.County} {old.Staff}");
            return Results.NoContent();
        });

        var accounts = StaffApi.Group(endpoints, "/accounts");
        accounts.RequireAuthorization(StaffAuthentication.AdminPolicy);
        accounts.MapPut("/{userName}/wecom", (string userName, WeComRequest request, HttpContext http, StaffStore staff, IStaffWeComLinks links, AuditLog audit) =>
        {
            if (staff.Find(userName) is not { } account) return Results.NotFound(new { error = OnCallTexts.UnknownStaff });
            if (request.Alerts is not null && !StaffAlertPreference.IsValid(request.Alerts)) return Results.BadRequest(new { error = OnCallTexts.BadPreference });
            var userId = request.UserId?.Trim();
            if (userId is { Length: > 64 }) return Results.BadRequest(new { error = OnCallTexts.BadWeComUser });
            if (!links.Set(account.Id, userId, request.Alerts)) return Results.Conflict(new { error = OnCallTexts.WeComUserTaken });
            audit.Record(http.User.Actor(), "staff.wecom", StaffUser.Actor(account.UserName), $"linked {(string.IsNullOrEmpty(userId) ? "no" : "a")} WeCom member, alerts {request.Alerts ?? "unchanged"}");
            var link = links.ForStaff(account.Id);
            return Results.Ok(new { account.UserName, weComUserId = link?.WeComUserId, alerts = link?.Alerts });
        });
        return endpoints;
    }

    private static bool MayManage(this System.Security.Claims.ClaimsPrincipal user, string county) =>
        user.CanSee(county);

    private static OnCallShift Shift(ShiftRequest r) => new()
    {
        County = r.County?.Trim() ?? "", Staff = r.Staff?.Trim().ToLowerInvariant() ?? "", Days = r.Days?.Trim() ?? "1-7",
        From = r.From?.Trim() ?? "00:00", To = r.To?.Trim() ?? "00:00",
    };

    private static IResult? Refused(HttpContext http, OnCallShift shift, StaffStore staff)
    {
        if (shift.Problem() is { } problem) return Results.BadRequest(new { error = problem });
        if (!http.User.MayManage(shift.County)) return Results.Json(new { error = OnCallTexts.OtherCounty }, statusCode: StatusCodes.Status403Forbidden);
        if (staff.Find(shift.Staff) is not { Disabled: false }) return Results.BadRequest(new { error = OnCallTexts.UnknownStaff });
        return null;
    }

    private static object View(OnCallShift s) => new { s.Id, s.County, s.Staff, s.Days, s.From, s.To, s.FromConfiguration };
}
