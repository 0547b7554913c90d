using ChatAssistant.Conversation.Time;
using ChatAssistant.Storage;
using ChatAssistant.Audit;
using ChatAssistant.Staff;
using LiteDB;
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
        group.MapGet("/{id}", Detail);
        group.MapPost("/{id}/claim", (string id, HttpContext http, EscalationDeskApi api) =>
            api.RunAsync(http, id, (desk, staff, oid, ct) => desk.ClaimAsync(oid, staff, ct)));
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

    private static IResult List(string? view, HttpContext http, EscalationStore store, EscalationScope scope, IOptions<EscalationOptions> options, TimeProvider time, AssistantClock clock)
    {
        var now = time.GetUtcNow();
        var resolved = view == "resolved";
        var items = store.Queue(now - TimeSpan.FromDays(7))
            .Where(r => (r.Status == EscalationStatus.Resolved) == resolved && scope.CanSee(http.User, r.County))
            .Select(r => EscalationViews.Summary(r, options.Value, now, clock));
        return Results.Ok(new { now = clock.ToLocal(now), items = EscalationViews.Ordered(items).ToList() });
    }

    // The transcript is what the user wrote: every opening is audited, as a ticket's detail is.
    private static IResult Detail(string id, HttpContext http, EscalationStore store, EscalationScope scope, AuditLog audit, IOptions<EscalationOptions> options, TimeProvider time, AssistantClock clock)
    {
        if (!LiteQuery.TryParseId(id, out var oid) || store.Get(oid) is not { } record) return Results.NotFound(new { error = EscalationApiTexts.NotFound });
        if (!scope.CanSee(http.User, record.County))
        {
            audit.Record(http.User.Actor(), "escalation.view.denied", "escalation:" + oid);
            return Results.Json(new { error = EscalationApiTexts.OutOfScope }, statusCode: StatusCodes.Status403Forbidden);
        }
        audit.Record(http.User.Actor(), "escalation.view", "escalation:" + oid);
        var entries = store.Entries(oid);
        return Results.Ok(new EscalationDetail(
            EscalationViews.Summary(record, options.Value, time.GetUtcNow(), clock),
            entries.Where(e => e.Kind != EntryKind.Note).Select(e => EscalationViews.Entry(e, clock)).ToList(),
            entries.Where(e => e.Kind == EntryKind.Note).Select(e => EscalationViews.Entry(e, clock)).ToList()));
    }

    /// <summary>Accounts the caller may hand an escalation to: everyone for admins, their own scope for staff.</summary>
    private static IResult Assignees(HttpContext http, StaffStore staff) =>
        Results.Ok(staff.All()
            .Where(a => !a.Disabled && (http.User.IsAdmin() || a.Role == StaffRoles.Admin || a.Scope == http.User.Scope()))
            .Select(a => new { a.UserName, a.DisplayName, a.Role, a.Scope }));

}

/// <summary>Messages of the escalation API (staff read Chinese).</summary>
public static class EscalationApiTexts
{
    public const string NotFound = "没有找到这条人工服务记录。";
    public const string OutOfScope = "这条记录不在你的负责范围内。";
    public const string UserOutOfScope = "这位用户不在你的负责范围内：他绑定的名单、最近一次求助或人工服务都不在你的区县。";
    public const string Resolved = "这条人工服务已结束。";
    public const string Purged = "这条人工服务的对话内容已按保存期限删除，不能再添加备注。";
    public const string ClaimedByOther = "已有其他工作人员接手。";
    public const string EmptyText = "内容不能为空。";
    public const string TooLong = "内容太长了，请分几次发送。";
    public const string UnknownAssignee = "没有这个工作人员，或他不负责这个区县。";
    public const string NoAccount = "登录已失效，请重新登录。";
    public const string PickUpFields = "请提供渠道（channelId）和用户（userId）。";
    public const string NoteRequired = "这是紧急个案，办结前请写一句处理说明（已如何联系、对方是否安全）。";
}
