using System.Globalization;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;

namespace ChatAssistant.Operations;

/// <summary>
/// <c>GET /api/staff/dashboard?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (default: the last 7 days to today) and
/// <c>GET /api/staff/dashboard/csv?chart=…</c>, in the caller's scope (a member: their county; an admin: all).
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/dashboard");
        group.MapGet("", (string? from, string? to, HttpContext http, DashboardReport report, AssistantClock clock) =>
            Period(from, to, clock) is { } p ? Results.Ok(report.Build(p.From, p.To, http.User.StaffScope())) : BadPeriod());
        group.MapGet("/csv", (string? chart, string? from, string? to, HttpContext http, DashboardReport report, AssistantClock clock) =>
        {
            if (Period(from, to, clock) is not { } p) return BadPeriod();
            var rows = DashboardCsv.Rows(report.Build(p.From, p.To, http.User.StaffScope()), chart ?? "");
            if (rows is null) return Results.NotFound();
            return Results.File(DashboardCsv.Write(rows), "text/csv; charset=utf-8", $"dashboard-{chart}-{DailyTally.Day(p.From)}-{DailyTally.Day(p.To)}.csv");
        });
        return endpoints;
    }

    private static IResult BadPeriod() => Results.BadRequest(new { error = OperationsTexts.BadPeriod });

    private static (DateOnly From, DateOnly To)? Period(string? from, string? to, AssistantClock clock)
    {
        var today = clock.Today;
        var end = today;
        if (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end)) return null;
        var start = end.AddDays(-6);
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)) return null;
        if (start > end || end.DayNumber - start.DayNumber >= DashboardReport.MaxDays) return null;
        return (start, end);
    }
}
