using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Storage;
using ChatAssistant.Audit;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Escalation;

/// <summary>The staff API for hand-offs under /api/staff/escalations (see docs/CONSOLE.md).</summary>
public static class EscalationEndpoints
{
    public const int MaxReplyLength = 1000;
    public const int MaxNoteLength = 2000;

    public sealed record TextRequest(string? Text);

    public sealed record AssignRequest(string? UserName);

    public sealed record PickUpRequest(string? ChannelId, string? UserId, string? County);

    public static IEndpointRouteBuilder MapEscalations(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/escalations");
        group.MapGet("", List);
        group.MapGet("/events", Events);
        group.MapGet("/assignees", Assignees);
        // The Official Accounts of this deployment, for the console's account filter.
        endpoints.MapGet(StaffApi.Prefix + "/wechat-accounts", (AccountNames names) => Results.Ok(names.Accounts))
            .RequireAuthorization(StaffAuthentication.StaffPolicy);
        group.MapGet("/{id}", Detail);
        group.MapPost("/{id}/claim", (string id, HttpContext http, EscalationDeskApi api) =>
            api.RunAsync(http, id, (desk, staff, id, ct) => desk.ClaimAsync(id, staff, ct)));
        group.MapPost("/{id}/assign", (string id, AssignRequest body, HttpContext http, EscalationDeskApi api) => api.AssignAsync(http, id, body.UserName));
        group.MapPost("/{id}/reply", (string id, TextRequest body, HttpContext http, EscalationDeskApi api) => api.ReplyAsync(http, id, body.Text));
        group.MapPost("/{id}/notes", (string id, TextRequest body, HttpContext http, EscalationDeskApi api) => api.NoteAsync(http, id, body.Text));
        group.MapPost("/{id}/resolve", (string id, TextRequest? body, HttpContext http, EscalationDeskApi api) => api.ResolveAsync(http, id, body?.Text));
        group.MapPost("", (PickUpRequest body, HttpContext http, EscalationDeskApi api) => api.PickUpAsync(http, body));
        return endpoints;
    }

    /// <summary>Server-sent events for this member's scope; ends when the browser leaves or the server stops.</summary>
    private static IResult Events(HttpContext http, EscalationEvents events, EscalationScope scope, StaffSessions sessions, IHostApplicationLifetime lifetime)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(stop);
        var user = http.User;
        // Admin alerts go to admins only; everything else by county.
        return TypedResults.ServerSentEvents(events.StreamAsync(
            change => change.Event == EscalationChange.Alert ? user.IsAdmin() : scope.CanSee(user, change.County),
            () => sessions.StillSignedIn(user),
            stop.Token));
    }

    private static IResult List(string? view, string? account, HttpContext http, EscalationStore store, EscalationScope scope, IOptions<EscalationOptions> options,
        TimeProvider time, AssistantClock clock, AccountNames names)
    {
        var now = time.GetUtcNow();
        var resolved = view == "resolved";
        // ?account=jinhua: only the hand-offs that came through that Official Account.
        var items = store.Queue(now - TimeSpan.FromDays(7))
            .Where(r => (r.Status == EscalationStatus.Resolved) == resolved && scope.CanSee(http.User, r.County)
                && (string.IsNullOrEmpty(account) || names.AccountOf(r.ChannelId)?.Name == account))
            .Select(r => EscalationViews.Summary(r, options.Value, now, clock) with
            {
                Account = names.AccountOf(r.ChannelId)?.Name, AccountName = names.AccountOf(r.ChannelId)?.DisplayName,
            });
        return Results.Ok(new { now = clock.ToLocal(now), items = EscalationViews.Ordered(items).ToList() });
    }

    // The transcript is what the user wrote: every opening is audited, as a ticket's detail is.
    private static IResult Detail(string id, HttpContext http, EscalationStore store, EscalationScope scope, AuditLog audit, IOptions<EscalationOptions> options, TimeProvider time,
        AssistantClock clock, AccountNames names)
    {
        if (!RecordIds.IsWellFormed(id) || store.Get(id) is not { } record) return Results.NotFound(new { error = EscalationApiTexts.NotFound });
        if (!scope.CanSee(http.User, record.County))
        {
            audit.Record(http.User.Actor(), "escalation.view.denied", "escalation:" + id);
            return Results.Json(new { error = EscalationApiTexts.OutOfScope }, statusCode: StatusCodes.Status403Forbidden);
        }
        audit.Record(http.User.Actor(), "escalation.view", "escalation:" + id);
        var entries = store.Entries(id);
        return Results.Ok(new EscalationDetail(
            EscalationViews.Summary(record, options.Value, time.GetUtcNow(), clock) with
            {
                Account = names.AccountOf(record.ChannelId)?.Name, AccountName = names.AccountOf(record.ChannelId)?.DisplayName,
            },
            entries.Where(e => e.Kind != EntryKind.Note).Select(e => EscalationViews.Entry(e, clock)).ToList(),
            entries.Where(e => e.Kind == EntryKind.Note).Select(e => EscalationViews.Entry(e, clock)).ToList()));
    }

    /// <summary>
    /// Accounts the caller may hand an escalation to: everyone for admins; for staff the admins and the members above
    /// or below them in the hierarchy (a county's staff: their city's staff and their county's; a city's: its counties').
    /// </summary>
    private static IResult Assignees(HttpContext http, StaffStore staff, StaffScopes scopes)
    {
        var mine = http.User.StaffScope();
        return Results.Ok(staff.All()
            .Where(a => !a.Disabled && (mine.IsEverything || a.Role == StaffRoles.Admin || mine.Contains(scopes.Of(a)) || scopes.Of(a).Contains(mine)))
            .Select(a => new { a.UserName, a.DisplayName, a.Role, a.Scope }));
    }

}
