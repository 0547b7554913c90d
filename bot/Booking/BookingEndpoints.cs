using System.Globalization;
using ChatAssistant.Booking.Door;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatAssistant.Booking;

/// <summary>
/// The staff API of duty booking under /api/staff/booking (see docs/BOOKING.md), with the door screens' display keys,
/// and the door screen itself (/studio/{id}/door). Staff of a district see only their county.
/// </summary>
public static class BookingEndpoints
{
    public sealed record AttendanceRequest(string? Status);

    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/booking");
        group.MapGet("/studios", (HttpContext http, IStudioStore studios) =>
            Results.Ok(InScope(studios, http.User).Select(StudioMapping.ToView)));
        group.MapGet("/studios/{id:int}", (int id, HttpContext http, IStudioStore studios) =>
            Visible(studios.Find(id), http) is { } s ? Results.Ok(StudioMapping.ToView(s)) : NotFound());
        group.MapPost("/studios", (StudioRequest request, HttpContext http, IStudioStore studios) =>
        {
            try
            {
                var studio = StudioMapping.Apply(request, null, OwnCounty(http.User.StaffScope()));
                if (!http.User.CanSee(studio.County)) return OutOfScope();
                studios.Create(studio);
                return Results.Created($"{StaffApi.Prefix}/booking/studios/{studio.Id}", StudioMapping.ToView(studio));
            }
            catch (ArgumentException e) { return Results.BadRequest(new { error = e.Message }); }
        });
        group.MapPut("/studios/{id:int}", (int id, StudioRequest request, HttpContext http, IStudioStore studios, BookingService service, AssistantClock clock) =>
        {
            if (Visible(studios.Find(id), http) is not { } existing) return NotFound();
            try
            {
                var studio = StudioMapping.Apply(request, existing, null);
                if (!http.User.CanSee(studio.County)) return OutOfScope();
                studios.Update(studio);
                // A closure or new hours over days already booked: staff see whom it affects at once.
                var outside = service.OutsideOpenings(studio)
                    .Select(b => new BookingOutsideView(b.Id, b.MemberId, clock.ToLocal(b.Start), clock.ToLocal(b.End))).ToList();
                return Results.Ok(new StudioUpdatedView(StudioMapping.ToView(studio), outside));
            }
            catch (ArgumentException e) { return Results.BadRequest(new { error = e.Message }); }
        });
        group.MapDelete("/studios/{id:int}", (int id, HttpContext http, IStudioStore studios, IBookingStore bookings) =>
        {
            if (Visible(studios.Find(id), http) is null) return NotFound();
            var live = bookings.CountOfStudio(id);
            if (live > 0) return Results.Conflict(new { error = $"该工作室还有 {live} 个预约，请先停用（active=false）或处理这些预约。" });
            studios.Delete(id);
            return Results.NoContent();
        });
        group.MapGet("/studios/{id:int}/calendar", (int id, string? from, int? days, HttpContext http, IStudioStore studios, BookingReports reports, AssistantClock clock) =>
        {
            if (Visible(studios.Find(id), http) is not { } studio) return NotFound();
            var start = ParseDate(from) ?? clock.Today;
            var span = Math.Clamp(days ?? 14, 1, 92);
            return Results.Ok(new { studio = StudioMapping.ToView(studio), from = start, days = span, slots = reports.Calendar(studio, start, start.AddDays(span - 1)) });
        });
        group.MapGet("/studios/{id:int}/rota.csv", (int id, int? year, int? quarter, HttpContext http, IStudioStore studios, BookingReports reports, AssistantClock clock) =>
        {
            if (Visible(studios.Find(id), http) is not { } studio) return NotFound();
            var y = year ?? clock.Today.Year;
            var q = quarter ?? (clock.Today.Month - 1) / 3 + 1;
            if (q is < 1 or > 4 || y is < 2000 or > 2100) return Results.BadRequest(new { error = "year 或 quarter（1-4）不正确。" });
            return Results.File(reports.RotaCsv(studio, y, q), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"rota-{studio.Id}-{y}Q{q}.csv"));
        });
        group.MapPost("/bookings/{id:int}/attendance", (int id, AttendanceRequest request, HttpContext http, IBookingStore bookings, IStudioStore studios, BookingService service) =>
        {
            var booking = bookings.Find(id);
            if (booking is null || booking.Status != BookingStatus.Booked || Visible(studios.Find(booking.StudioId), http) is null) return NotFound();
            if (!AttendanceNames.TryParseStaffChoice(request.Status, out var attendance))
                return Results.BadRequest(new { error = "status 应为 attended（出勤，也用于确认自报签到）、absent（缺勤）或 unknown（未记录）。" });
            if (!service.MarkAttendance(booking, attendance, http.User.Actor()))
                return bookings.Find(id)?.Status == BookingStatus.Booked ? Results.Conflict(new { error = "这个时段还没开始，不能记录出勤。" }) : NotFound();
            return Results.Ok(new { booking.Id, attendance = AttendanceNames.Of(booking.Attendance), booking.CheckedInAt, booking.AttendanceBy });
        });
        // The printed door code's check-ins, for staff to confirm (POST …/attendance "attended") or reject ("absent").
        group.MapGet("/attendance/self-reported", (HttpContext http, IStudioStore studios, BookingReports reports) =>
            Results.Ok(reports.SelfReported(InScope(studios, http.User))));
        group.MapGet("/compliance", (int? year, HttpContext http, BookingReports reports, AssistantClock clock) =>
        {
            var y = year ?? clock.Today.Year;
            return Results.Ok(new { year = y, delegates = reports.Compliance(y, http.User.StaffScope()) });
        });
        group.MapGet("/reminders", (string? state, HttpContext http, IReminderStore reminders, IBookingStore bookings, IStudioStore studios) =>
        {
            var s = Enum.TryParse<ReminderState>(state, ignoreCase: true, out var parsed) ? parsed : ReminderState.Failed;
            var rows = reminders.InState(s).Select(r => (r, b: bookings.Find(r.Id)))
                .Where(x => x.b is not null && Visible(studios.Find(x.b.StudioId), http) is not null)
                .Select(x => new { bookingId = x.r.Id, x.b!.MemberId, x.b.Start, x.r.DueAt, state = x.r.State.ToString().ToLowerInvariant(), x.r.Error });
            return Results.Ok(rows);
        });
        endpoints.MapDoorKeyEndpoints();
        endpoints.MapDoorDisplay();
        return endpoints;
    }

    // A studio outside the caller's county is reported as absent, so its existence does not leak.
    internal static Studio? Visible(Studio? studio, HttpContext http) => studio is not null && http.User.CanSee(studio.County) ? studio : null;

    internal static IResult NotFound() => Results.NotFound(new { error = "没有这个工作室或预约，或不在你的管理范围。" });

    private static List<Studio> InScope(IStudioStore studios, System.Security.Claims.ClaimsPrincipal user)
    {
        var scope = user.StaffScope();
        return studios.All().Where(s => scope.Covers(s.County)).ToList();
    }

    // A county's staff create studios in their county without naming it; a city's staff name one of theirs.
    private static string? OwnCounty(StaffScope scope) => !scope.IsEverything && scope.Counties.Count == 1 ? scope.Counties.First() : null;

    private static IResult OutOfScope() => Results.Json(new { error = "只能管理你所在区县的工作室。" }, statusCode: StatusCodes.Status403Forbidden);

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
