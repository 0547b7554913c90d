using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;

namespace ChatAssistant.Alerts;

/// <summary><c>GET /api/staff/alerts</c>: the admin alerts, newest first, for admins only.</summary>
public static class AlertEndpoints
{
    /// <summary>Maps the endpoint. Query: <c>limit</c> (1–500, default 50).</summary>
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/alerts");
        group.RequireAuthorization(StaffAuthentication.AdminPolicy);
        group.MapGet("", (AdminAlerts alerts, AssistantClock clock, int? limit) =>
        {
            var now = clock.Time.GetUtcNow();
            return Results.Ok(alerts.Recent(limit ?? 50).Select(a => new
            {
                id = a.Id.ToString(),
                at = clock.ToLocal(a.At), // Beijing time, as staff read it
                kind = a.Kind,
                message = a.Message,
                until = a.Until is { } until ? clock.ToLocal(until) : (DateTimeOffset?)null,
                // Still going on: the console shows it as a banner until then (an alert without an end, for a day).
                active = a.Until is { } end ? end > now : a.At > now - TimeSpan.FromDays(1),
            }));
        });
        return endpoints;
    }
}
