using ChatAssistant.Audit;
using ChatAssistant.Disputes;
using ChatAssistant.Staff;

namespace ChatAssistant.QuickReplies;

/// <summary>
/// <c>/api/staff/quick-replies</c>: every member lists them filled for themselves (<c>?ticket=QQ000012</c> fills the
/// help request's number); admins add, change and remove them (audited <c>quickreply.*</c>).
/// </summary>
public static class QuickReplyEndpoints
{
    public sealed record QuickReplyRequest(string? Title, string? Text);

    public static IEndpointRouteBuilder MapQuickReplies(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/quick-replies");
        group.MapGet("", (HttpContext http, string? ticket, QuickReplyStore store, StaffStore staff) =>
        {
            var name = staff.Find(http.User.Name())?.DisplayName ?? http.User.Name();
            var number = TicketNumber.Parse(ticket) is { } id ? TicketNumber.Format(id) : null;
            return Results.Ok(new { items = store.All().Select(r => new { r.Id, r.Title, r.Text, filled = QuickReplyTexts.Fill(r.Text, name, number) }) });
        });
        var admin = StaffApi.Group(endpoints, "/quick-replies");
        admin.RequireAuthorization(StaffAuthentication.AdminPolicy);
        admin.MapPost("", (QuickReplyRequest request, HttpContext http, QuickReplyStore store, AuditLog audit) =>
        {
            if (Invalid(request)) return Results.BadRequest(new { error = QuickReplyTexts.Invalid });
            var reply = store.Add(request.Title!.Trim(), request.Text!.Trim());
            audit.Record(http.User.Actor(), "quickreply.added", $"quickreply:{reply.Id}");
            return Results.Ok(reply);
        });
        admin.MapPut("/{id:int}", (int id, QuickReplyRequest request, HttpContext http, QuickReplyStore store, AuditLog audit) =>
        {
            if (Invalid(request)) return Results.BadRequest(new { error = QuickReplyTexts.Invalid });
            if (store.Get(id) is not { } reply) return Results.NotFound(new { error = QuickReplyTexts.NotFound });
            reply.Title = request.Title!.Trim();
            reply.Text = request.Text!.Trim();
            store.Update(reply);
            audit.Record(http.User.Actor(), "quickreply.changed", $"quickreply:{id}");
            return Results.Ok(reply);
        });
        admin.MapDelete("/{id:int}", (int id, HttpContext http, QuickReplyStore store, AuditLog audit) =>
        {
            if (!store.Delete(id)) return Results.NotFound(new { error = QuickReplyTexts.NotFound });
            audit.Record(http.User.Actor(), "quickreply.removed", $"quickreply:{id}");
            return Results.NoContent();
        });
        return endpoints;
    }

    private static bool Invalid(QuickReplyRequest r) =>
        string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 20 || string.IsNullOrWhiteSpace(r.Text) || r.Text.Trim().Length > 1000;
}
