using ChatAssistant.Conversation;
using System.Security.Claims;
using ChatAssistant.Adapters;
using ChatAssistant.Audit;
using ChatAssistant.Staff;

namespace ChatAssistant.Disputes;

/// <summary>
/// The staff API for help requests under /api/staff/tickets (see docs/DISPUTES.md). Staff of a county see
/// only its tickets (the default scope's staff also those of 其他地区, <see cref="TicketScope"/>); other tickets answer
/// 404 as if they did not exist. Personal fields appear only in the
/// detail view, and every detail view is audited.
/// </summary>
public static class TicketEndpoints
{
    /// <summary>How many requests a list answers unless <c>limit</c> says otherwise.</summary>
    public const int DefaultListLimit = 200;

    /// <summary>The most a list answers.</summary>
    public const int MaxListLimit = 1000;

    public sealed record StatusRequest(string? Status);

    public sealed record TextRequest(string? Text);

    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/tickets");
        group.MapGet("", (ClaimsPrincipal user, TicketService tickets, TicketScope scope, AccountNames names, string? status, string? view, int? limit, string? account) =>
        {
            TicketStatus? filter = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var parsed)) return Error(400, DisputeTexts.StaffUnknownStatus);
                filter = parsed;
            }
            if (view is not (null or "" or "open" or "closed")) return Error(400, DisputeTexts.StaffUnknownView);
            // ?account=jinhua: only the requests that came through that Official Account.
            var list = tickets.List(t => scope.CanSee(user, t) && (string.IsNullOrEmpty(account) || names.AccountOf(t.ChannelId)?.Name == account), filter);
            // Finished requests pile up for years: the closed view lists the newest first, and every answer is capped.
            IEnumerable<Ticket> shown = view switch
            {
                "open" => list.Where(t => t.IsOpen),
                "closed" => list.Where(t => !t.IsOpen).OrderByDescending(t => t.CreatedAt),
                _ => list,
            };
            var now = tickets.Now;
            return Results.Ok(shown.Take(Math.Clamp(limit ?? DefaultListLimit, 1, MaxListLimit)).Select(t => TicketSummaryView.Of(t, tickets.Options, now, names)));
        });
        group.MapGet("/{number}", (string number, ClaimsPrincipal user, TicketService tickets, TicketScope scope, TicketFieldReader fields, AuditLog audit, StaffStore staff) =>
        {
            var ticket = Visible(number, user, tickets, scope);
            if (ticket is null)
            {
                audit.Record(Actor(user), "ticket.view.denied", "ticket:" + number.Trim().ToUpperInvariant());
                return Results.NotFound();
            }
            audit.Record(Actor(user), "ticket.view", "ticket:" + ticket.Number);
            var names = new Dictionary<string, string?>(StringComparer.Ordinal); // one account look-up per author, not per line
            return Results.Ok(TicketDetailView.Of(ticket, tickets.Options, fields, tickets.Now,
                name => names.TryGetValue(name, out var known) ? known : names[name] = staff.Find(name)?.DisplayName));
        });
        group.MapPost("/{number}/acknowledge", (string number, ClaimsPrincipal user, TicketService tickets, TicketScope scope) =>
            Act(number, user, tickets, scope, t => tickets.Acknowledge(t.Id, Actor(user))));
        group.MapPost("/{number}/status", (string number, StatusRequest request, ClaimsPrincipal user, TicketService tickets, TicketScope scope) =>
        {
            if (!Enum.TryParse<TicketStatus>(request.Status, ignoreCase: true, out var target) || target == TicketStatus.Withdrawn)
                return Error(400, DisputeTexts.StaffUnknownStatus);
            return Act(number, user, tickets, scope, t => tickets.ChangeStatus(t.Id, target, Actor(user)));
        });
        group.MapPost("/{number}/notes", (string number, TextRequest request, ClaimsPrincipal user, TicketService tickets, TicketScope scope) =>
            ValidText(request.Text) is { } text
                ? Act(number, user, tickets, scope, t => tickets.AddNote(t.Id, Actor(user), text))
                : Error(400, DisputeTexts.StaffTextRequired));
        group.MapPost("/{number}/resolve", (string number, TextRequest? request, ClaimsPrincipal user, TicketService tickets, TicketScope scope) =>
            Act(number, user, tickets, scope, t =>
            {
                var outcome = tickets.ChangeStatus(t.Id, TicketStatus.Resolved, Actor(user));
                if (outcome.Kind == TicketOutcomeKind.Ok && ValidText(request?.Text) is { } note) outcome = tickets.AddNote(t.Id, Actor(user), note);
                return outcome;
            }));
        group.MapPost("/{number}/reply", ReplyAsync);
        return endpoints;
    }

    // Sends a staff reply through the user's channel; a refusal (48-hour window, quota) comes back with its reason.
    private static async Task<IResult> ReplyAsync(string number, TextRequest request, ClaimsPrincipal user, TicketService tickets, TicketScope scope, IUserMessenger messenger, CancellationToken ct)
    {
        if (ValidText(request.Text) is not { } text) return Error(400, DisputeTexts.StaffTextRequired);
        var ticket = Visible(number, user, tickets, scope);
        if (ticket is null) return Results.NotFound();
        if (ticket.Status == TicketStatus.Withdrawn || ticket.PersonalDataDeletedAt is not null) return Error(409, DisputeTexts.StaffReplyGone);
        // The ticket's encrypted history keeps a refusal (and retention deletes it): not the channel's store in clear.
        var result = await messenger.SendAsync(new OutboundMessage(ticket.ChannelId, ticket.UserId, text, RecordIfUndelivered: false), ct);
        var recorded = tickets.RecordReply(ticket.Id, Actor(user), text, result.Delivered, result.Reason);
        if (recorded.Kind != TicketOutcomeKind.Ok) return Error(409, recorded.Error ?? DisputeTexts.StaffReplyGone);
        return Results.Ok(new { delivered = result.Delivered, errorCode = result.ErrorCode, reason = result.Reason });
    }

    private static IResult Act(string number, ClaimsPrincipal user, TicketService tickets, TicketScope scope, Func<Ticket, TicketOutcome> action)
    {
        var ticket = Visible(number, user, tickets, scope);
        if (ticket is null) return Results.NotFound();
        var outcome = action(ticket);
        return outcome.Kind switch
        {
            TicketOutcomeKind.Ok => Results.Ok(TicketSummaryView.Of(outcome.Ticket!, tickets.Options, tickets.Now)),
            TicketOutcomeKind.NotFound => Results.NotFound(),
            _ => Error(409, outcome.Error ?? ""),
        };
    }

    private static Ticket? Visible(string number, ClaimsPrincipal user, TicketService tickets, TicketScope scope) =>
        TicketNumber.Parse(number) is { } id && tickets.Find(id) is { } t && scope.CanSee(user, t) ? t : null;

    private static string Actor(ClaimsPrincipal user) => user.Actor();

    private static string? ValidText(string? text) => text?.Trim() is { Length: >= 1 and <= 1000 } t ? t : null;

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
