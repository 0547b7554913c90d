using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Storage;

namespace ChatAssistant.Safety;

/// <summary>
/// <c>/api/staff/crisis-reviews</c>: staff mark the crisis check's false alarm or miss on a hand-off they can see
/// (POST), admins read the review list for the next round of the lexicon and training set (GET, audited).
/// </summary>
public static class CrisisReviewEndpoints
{
    public const int MaxNoteLength = 500;

    public sealed record ReviewRequest(string? EscalationId, string? Verdict, string? Category, string? Note);

    public static IEndpointRouteBuilder MapCrisisReviews(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/crisis-reviews");
        group.MapPost("", Mark);
        group.MapGet("", List).RequireAuthorization(StaffAuthentication.AdminPolicy);
        return endpoints;
    }

    private static IResult Mark(ReviewRequest body, HttpContext http, EscalationStore escalations, EscalationScope scope,
        CrisisReviewStore reviews, StaffStore staff, AuditLog audit, TimeProvider time)
    {
        if (!CrisisReviewVerdicts.IsKnown(body.Verdict)) return Results.BadRequest(new { error = SafetyApiTexts.UnknownVerdict });
        if (body.EscalationId is null || !RecordIds.IsWellFormed(body.EscalationId) || escalations.Get(body.EscalationId) is not { } record)
            return Results.NotFound(new { error = EscalationApiTexts.NotFound });
        if (!scope.CanSee(http.User, record.County)) return Results.Json(new { error = EscalationApiTexts.OutOfScope }, statusCode: StatusCodes.Status403Forbidden);
        var crisis = record.Reason == EscalationReason.Crisis;
        if (body.Verdict == CrisisReviewVerdicts.FalseAlarm && !crisis) return Results.Conflict(new { error = SafetyApiTexts.NotAnAlarm });
        if (body.Verdict == CrisisReviewVerdicts.Missed && crisis) return Results.Conflict(new { error = SafetyApiTexts.AlreadyCrisis });
        if (body.Verdict == CrisisReviewVerdicts.Missed && !Enum.TryParse<Knowledge.Safety.CrisisCategory>(body.Category, ignoreCase: true, out _))
            return Results.BadRequest(new { error = SafetyApiTexts.CategoryNeeded });
        if (body.Note is { Length: > MaxNoteLength }) return Results.BadRequest(new { error = EscalationApiTexts.TooLong });
        // The message judged: for a false alarm the one the safety message answered, for a miss the user's latest.
        var entries = escalations.Entries(record.Id);
        var safety = entries.ToList().FindIndex(e => e.Kind == EntryKind.Bot && (e.Text == SafetyTexts.CrisisReply || e.Text == SafetyTexts.CrisisAgain));
        var message = (crisis && safety > 0 ? entries.Take(safety) : entries).LastOrDefault(e => e.Kind == EntryKind.User);
        if (message is null) return Results.Conflict(new { error = SafetyApiTexts.NoMessage });
        var member = staff.FindById(http.User.Id());
        var review = reviews.Add(new CrisisReview
        {
            At = time.GetUtcNow(),
            Verdict = body.Verdict!,
            EscalationId = record.Id,
            CheckCategory = record.CrisisCategory,
            CheckSignal = record.CrisisSignal,
            Category = body.Verdict == CrisisReviewVerdicts.Missed ? body.Category : null,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            StaffName = member?.DisplayName ?? "",
        }, message.Text);
        audit.Record(http.User.Actor(), "crisis.review." + body.Verdict, "escalation:" + record.Id);
        return Results.Ok(new { id = review.Id.ToString() });
    }

    private static IResult List(HttpContext http, CrisisReviewStore reviews, AuditLog audit, AssistantClock clock, int? limit)
    {
        audit.Record(http.User.Actor(), "crisis.review.list", "crisis_reviews");
        var items = reviews.Recent(Math.Clamp(limit ?? 200, 1, 1000)).Select(x => new
        {
            id = x.Review.Id.ToString(),
            at = clock.ToLocal(x.Review.At),
            verdict = x.Review.Verdict,
            escalationId = x.Review.EscalationId.ToString(),
            text = x.Text,
            checkCategory = x.Review.CheckCategory,
            checkSignal = x.Review.CheckSignal,
            category = x.Review.Category,
            note = x.Review.Note,
            staff = x.Review.StaffName,
        });
        return Results.Ok(new { items });
    }
}
