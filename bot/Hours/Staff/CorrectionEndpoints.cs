using ChatAssistant.Adapters;
using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Staff;

namespace ChatAssistant.Hours.Staff;

/// <summary>
/// Volunteers' correction requests under /api/staff/hours/corrections: listed (without their words) in the review
/// queue, read one at a time (audited, the words decrypted), resolved with an answer the volunteer receives.
/// </summary>
internal static class CorrectionEndpoints
{
    public sealed record ResolveRequest(string? Reply);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/corrections/{number}", (string number, HttpContext http, HoursCorrections corrections, AssistantClock clock, AuditLog audit) =>
        {
            var correction = corrections.Find(number, http.User.StaffScope());
            if (correction is null) return Results.NotFound(new { error = HoursCorrectionTexts.StaffNotFound(number) });
            audit.Record(http.User.Actor(), "hours.correction.view", HoursAudit.CorrectionSubject(correction.Number));
            return Results.Ok(Detail(correction, corrections.TextOf(correction), clock));
        });
        group.MapPost("/corrections/{number}/resolve", async (string number, ResolveRequest? body, HttpContext http, HoursCorrections corrections, IUserMessenger messenger, AssistantClock clock) =>
        {
            var (correction, decision) = corrections.Resolve(number, http.User.Name(), body?.Reply, http.User.StaffScope());
            if (decision.Outcome != DecisionOutcome.Done) return ToResult(decision);
            // The answer reaches the volunteer where they asked; a refusal (48-hour window) is reported, the decision stands.
            var sent = await messenger.SendAsync(new OutboundMessage(correction!.ChannelId, correction.UserId,
                HoursCorrectionTexts.Resolved(correction.Number, correction.Reply!)), http.RequestAborted);
            return Results.Ok(new { ok = true, delivered = sent.Delivered, reason = sent.Reason, correction = Summary(correction, clock) });
        });
    }

    /// <summary>A request as the review queue lists it: no words.</summary>
    public static object Summary(HoursCorrection c, AssistantClock clock) => new
    {
        kind = "correction",
        c.Number,
        c.VolunteerId,
        c.District,
        c.Date,
        c.RecordId,
        missingRecord = c.RecordId is null,
        status = c.Status.ToString(),
        createdAt = clock.ToLocal(c.CreatedAt),
        resolvedAt = c.ResolvedAt is { } at ? clock.ToLocal(at) : (DateTimeOffset?)null,
        c.ResolvedBy,
        c.Reply,
    };

    private static object Detail(HoursCorrection c, string? text, AssistantClock clock) => new { correction = Summary(c, clock), text };

    private static IResult ToResult(Decision d) => d.Outcome switch
    {
        DecisionOutcome.NotFound => Results.NotFound(new { error = d.Message }),
        DecisionOutcome.ReasonRequired => Results.BadRequest(new { error = d.Message }),
        _ => Results.Conflict(new { error = d.Message }),
    };
}
