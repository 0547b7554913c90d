using ChatAssistant.Adapters;
using ChatAssistant.Audit;
using ChatAssistant.Staff;
using ChatAssistant.Storage;

namespace ChatAssistant.Escalation;

/// <summary>
/// The write endpoints of the escalation API: who is calling, may they see it, then the desk; refusals become
/// 403 / 404 / 409 with a Chinese message.
/// </summary>
public sealed class EscalationDeskApi(EscalationDesk desk, EscalationStore store, EscalationScope scope, PickUpPolicy pickUp, StaffStore staffStore, AuditLog audit)
{
    public delegate Task<ChangeOutcome> DeskAction(EscalationDesk desk, StaffAccount staff, string id, CancellationToken ct);

    public async Task<IResult> RunAsync(HttpContext http, string id, DeskAction action)
    {
        var (staff, oid, error) = Check(http, id);
        if (error is not null) return error;
        return Answer(await action(desk, staff!, oid, http.RequestAborted));
    }

    public async Task<IResult> AssignAsync(HttpContext http, string id, string? userName)
    {
        var (_, oid, error) = Check(http, id);
        if (error is not null) return error;
        var record = store.Get(oid)!;
        var target = string.IsNullOrWhiteSpace(userName) ? null : staffStore.Find(userName);
        if (target is null || target.Disabled || !scope.CanSee(target, record.County))
            return Results.BadRequest(new { error = EscalationApiTexts.UnknownAssignee });
        return Answer(await desk.AssignAsync(oid, target, http.RequestAborted));
    }

    public async Task<IResult> ReplyAsync(HttpContext http, string id, string? text)
    {
        var (staff, oid, error) = Check(http, id);
        if (error is not null) return error;
        if (TextError(text, EscalationEndpoints.MaxReplyLength) is { } bad) return bad;
        var (outcome, delivery) = await desk.ReplyAsync(oid, staff!, text!.Trim(), http.RequestAborted);
        return outcome.Ok ? Results.Ok(Delivery(delivery!)) : Answer(outcome);
    }

    public Task<IResult> NoteAsync(HttpContext http, string id, string? text)
    {
        var (staff, oid, error) = Check(http, id);
        if (error is not null) return Task.FromResult(error);
        if (TextError(text, EscalationEndpoints.MaxNoteLength) is { } bad) return Task.FromResult(bad);
        return Task.FromResult(Answer(desk.AddNote(oid, staff!, text!.Trim())));
    }

    public async Task<IResult> ResolveAsync(HttpContext http, string id, string? note)
    {
        var (staff, oid, error) = Check(http, id);
        if (error is not null) return error;
        if (!string.IsNullOrWhiteSpace(note) && TextError(note, EscalationEndpoints.MaxNoteLength) is { } bad) return bad;
        var (outcome, delivery) = await desk.ResolveAsync(oid, staff!, note?.Trim(), http.RequestAborted);
        return outcome.Ok ? Results.Ok(Delivery(delivery!)) : Answer(outcome);
    }

    public async Task<IResult> PickUpAsync(HttpContext http, EscalationEndpoints.PickUpRequest body)
    {
        var staff = staffStore.FindById(http.User.Id());
        if (staff is null || staff.Disabled) return Results.Json(new { error = EscalationApiTexts.NoAccount }, statusCode: StatusCodes.Status401Unauthorized);
        if (string.IsNullOrWhiteSpace(body.ChannelId) || string.IsNullOrWhiteSpace(body.UserId)) return Results.BadRequest(new { error = EscalationApiTexts.PickUpFields });
        var (channelId, userId) = (body.ChannelId.Trim(), body.UserId.Trim());
        // Staff open conversations in their own county unless they name another they may see.
        var county = string.IsNullOrWhiteSpace(body.County) ? staff.Scope : body.County.Trim();
        if (!scope.CanSee(http.User, county)) return PickUpDenied(http, channelId, userId, "county-out-of-scope", EscalationApiTexts.OutOfScope);
        if (!pickUp.MayPickUp(http.User, channelId, userId)) return PickUpDenied(http, channelId, userId, "user-not-in-scope", EscalationApiTexts.UserOutOfScope);
        var picked = await desk.PickUpAsync(channelId, userId, county, staff, r => scope.CanSee(http.User, r.County), http.RequestAborted);
        if (picked is not { } taken) return PickUpDenied(http, channelId, userId, "open-elsewhere", EscalationApiTexts.OutOfScope);
        var (record, delivery) = taken;
        audit.Record(http.User.Actor(), "escalation.pickup", "escalation:" + record.Id);
        return Results.Ok(new { id = record.Id.ToString(), delivery = Delivery(delivery) });
    }

    // The audit row names the user by the pseudonym staff see, never by the OpenID (audit rows carry no personal data).
    private IResult PickUpDenied(HttpContext http, string channelId, string userId, string why, string message)
    {
        audit.Record(http.User.Actor(), "escalation.pickup.denied", "user:" + EscalationViews.Pseudonym(channelId, userId), why);
        return Results.Json(new { error = message }, statusCode: StatusCodes.Status403Forbidden);
    }

    private (StaffAccount? Staff, string Id, IResult? Error) Check(HttpContext http, string id)
    {
        var staff = staffStore.FindById(http.User.Id());
        if (staff is null || staff.Disabled) return (null, "", Results.Json(new { error = EscalationApiTexts.NoAccount }, statusCode: StatusCodes.Status401Unauthorized));
        if (!RecordIds.IsWellFormed(id) || store.Get(id) is not { } record) return (staff, "", Results.NotFound(new { error = EscalationApiTexts.NotFound }));
        if (!scope.CanSee(http.User, record.County)) return (staff, id, Results.Json(new { error = EscalationApiTexts.OutOfScope }, statusCode: StatusCodes.Status403Forbidden));
        return (staff, id, null);
    }

    private static IResult? TextError(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return Results.BadRequest(new { error = EscalationApiTexts.EmptyText });
        if (text.Trim().Length > max) return Results.BadRequest(new { error = EscalationApiTexts.TooLong });
        return null;
    }

    private static IResult Answer(ChangeOutcome outcome) => outcome.Refusal switch
    {
        null => Results.Ok(new { ok = true }),
        DeskRefusals.NotFound => Results.NotFound(new { error = EscalationApiTexts.NotFound }),
        DeskRefusals.Resolved => Results.Conflict(new { error = EscalationApiTexts.Resolved }),
        DeskRefusals.Purged => Results.Conflict(new { error = EscalationApiTexts.Purged }),
        DeskRefusals.NoteRequired => Results.BadRequest(new { error = EscalationApiTexts.NoteRequired }),
        _ => Results.Conflict(new { error = EscalationApiTexts.ClaimedByOther }),
    };

    private static object Delivery(DeliveryResult d) => new { delivered = d.Delivered, errorCode = d.ErrorCode, reason = d.Reason };
}
