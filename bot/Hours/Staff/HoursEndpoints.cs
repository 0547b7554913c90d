using ChatAssistant.Audit;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hours.Import;
using ChatAssistant.Staff;

namespace ChatAssistant.Hours.Staff;

/// <summary>
/// The staff API of the hours feature under /api/staff/hours (documented in docs/HOURS.md). Staff of a
/// district see only their district's volunteers; admins see everything.
/// </summary>
public static class HoursEndpoints
{
    /// <summary>Body of approve / revoke / cancel.</summary>
    public sealed record DecisionRequest(string? Reason);

    public static IEndpointRouteBuilder MapHoursEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/hours");
        group.MapPost("/import", ImportAsync);
        group.MapGet("/rules", () => Results.Ok(IntegrityRules.Names.Select(r => new { rule = r.Key, meaning = r.Value })));
        // Flagged records, then the volunteers' correction requests (kind "correction", without their words).
        group.MapGet("/review", (HttpContext http, HoursReview review, HoursCorrections corrections, AssistantClock clock) =>
            Results.Ok(review.Queue(http.User.StaffScope()).Select(RecordView)
                .Concat(corrections.Open(http.User.StaffScope()).Select(c => CorrectionEndpoints.Summary(c, clock)))));
        CorrectionEndpoints.Map(group);
        // A record id is unique per district (HourRecord): ?district= picks one when the caller sees the id in two.
        group.MapGet("/records/{recordId}", (string recordId, string? district, HttpContext http, HoursReview review, AuditLog log, AssistantClock clock) =>
        {
            var (r, refusal) = review.Find(recordId, http.User.StaffScope(), district);
            if (r is null) return ToResult(refusal);
            // The record's own trail: another district's record of the same id has another key.
            var audit = log.Trail(HoursAudit.RecordSubject(r.Key))
                .Select(a => new { at = clock.ToLocal(a.At), who = a.Actor, action = HoursAudit.DecisionOf(a), reason = a.Detail });
            return Results.Ok(new { record = RecordView(r), audit });
        });
        group.MapPost("/records/{recordId}/approve", (string recordId, string? district, DecisionRequest? body, HttpContext http, HoursReview review) =>
            ToResult(review.Approve(recordId, http.User.Name(), body?.Reason, http.User.StaffScope(), district)));
        group.MapPost("/records/{recordId}/revoke", (string recordId, string? district, DecisionRequest? body, HttpContext http, HoursReview review) =>
            ToResult(review.Revoke(recordId, http.User.Name(), body?.Reason, http.User.StaffScope(), district)));
        group.MapGet("/volunteers/{volunteerId}", (string volunteerId, HttpContext http, IVolunteerDirectory volunteers, HoursLedger ledger, AuditLog audit) =>
        {
            if (volunteers.DistrictOf(volunteerId) is null || !volunteers.InScope(volunteerId, http.User.StaffScope())) return VolunteerNotFound();
            audit.Record(http.User.Actor(), "hours.volunteer.view", HoursAudit.VolunteerSubject(volunteerId));
            var hours = ledger.Hours(volunteerId);
            var points = ledger.Points(volunteerId);
            return Results.Ok(new
            {
                volunteerId,
                hours = new { total = hours.TotalHours, year = hours.Year, thisYear = hours.YearHours, pending = hours.PendingHours },
                points = new { earned = points.Earned, spent = points.Spent, available = points.Available },
            });
        });
        group.MapGet("/volunteers/{volunteerId}/statement", (string volunteerId, HttpContext http, IVolunteerDirectory volunteers, IHoursStore store, AssistantClock clock, AuditLog audit) =>
        {
            if (volunteers.DistrictOf(volunteerId) is null || !volunteers.InScope(volunteerId, http.User.StaffScope())) return VolunteerNotFound();
            // One person's whole record of service and redemptions leaves the system as a file: on record.
            audit.Record(http.User.Actor(), "hours.statement", HoursAudit.VolunteerSubject(volunteerId));
            var bytes = HoursStatement.Build(
                volunteerId,
                store.LedgerOf(volunteerId).ToList(),
                store.RecordsOf(volunteerId).ToList(),
                store.OrdersOf(volunteerId).ToList(),
                clock);
            return Results.File(bytes, "text/csv; charset=utf-8", $"statement-{volunteerId}.csv");
        });
        group.MapGet("/orders", (string? status, HttpContext http, RedemptionService redemptions, AssistantClock clock) =>
        {
            OrderStatus? filter = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed)) return Results.BadRequest(new { error = "status 应为 placed、fulfilled 或 cancelled。" });
                filter = parsed;
            }
            return Results.Ok(redemptions.Orders(http.User.StaffScope(), filter).Select(o => OrderView(o, clock)));
        });
        group.MapPost("/orders/{orderNo}/fulfil", (string orderNo, HttpContext http, RedemptionService redemptions) =>
            ToResult(redemptions.Fulfil(orderNo, http.User.Name(), http.User.StaffScope())));
        group.MapPost("/orders/{orderNo}/cancel", (string orderNo, DecisionRequest? body, HttpContext http, RedemptionService redemptions) =>
            ToResult(redemptions.Cancel(orderNo, http.User.Name(), body?.Reason, http.User.StaffScope())));
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, HoursImporter importer)
    {
        var (text, refusal) = await Utf8Upload.ReadUploadAsync(http.Request, http.RequestAborted);
        if (text is null) return refusal!;
        var result = importer.Import(new StringReader(text), http.User.Name(), http.User.StaffScope());
        return result.Ok ? Results.Ok(result) : Results.BadRequest(result);
    }

    private static object RecordView(HourRecord r) => new
    {
        kind = "record",
        r.RecordId,
        r.District,
        r.VolunteerId,
        r.Activity,
        r.Organiser,
        r.Date,
        start = HourRecord.Clock(r.StartMinute),
        end = HourRecord.Clock(r.EndMinute),
        r.Hours,
        status = r.Status.ToString(),
        r.Flags,
        r.ImportId,
    };

    // Times in Beijing time: LiteDB reads instants back at +00:00 and staff read these as wall-clock times.
    private static object OrderView(RedemptionOrder o, AssistantClock clock) => new
    {
        o.OrderNo,
        o.VolunteerId,
        o.ItemId,
        o.ItemName,
        o.Points,
        status = o.Status.ToString(),
        placedAt = clock.ToLocal(o.PlacedAt),
        closedAt = o.ClosedAt is { } closed ? clock.ToLocal(closed) : (DateTimeOffset?)null,
        o.ClosedBy,
        o.CancelReason,
    };

    private static IResult VolunteerNotFound() => Results.NotFound(new { error = "名单中没有这个志愿者，或不在你的管理范围。" });

    private static IResult ToResult(Decision d) => d.Outcome switch
    {
        DecisionOutcome.Done => Results.Ok(new { ok = true }),
        DecisionOutcome.NotFound => Results.NotFound(new { error = d.Message }),
        DecisionOutcome.ReasonRequired => Results.BadRequest(new { error = d.Message }),
        _ => Results.Conflict(new { error = d.Message }),
    };
}
