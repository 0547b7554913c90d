using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;

namespace ChatAssistant.Audit;

/// <summary><c>GET /api/staff/audit</c>: the audit log, for admins only.</summary>
public static class AuditEndpoints
{
    /// <summary>Maps the admin-only audit endpoint. Query: <c>subject</c>, <c>actor</c>, <c>limit</c> (1–1000, default 100).</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/audit");
        group.RequireAuthorization(StaffAuthentication.AdminPolicy);
        group.MapGet("", (AuditLog audit, AssistantClock clock, string? subject, string? actor, int? limit) =>
            Results.Ok(audit.Recent(limit ?? 100, subject, actor).Select(e => new
            {
                at = clock.ToLocal(e.At), // Beijing time, as staff read it (LiteDB hands instants back at +00:00)
                actor = e.Actor,
                action = e.Action,
                subject = e.Subject,
                detail = e.Detail,
                owner = e.Owner,
            })));
        return endpoints;
    }
}
