using ChatAssistant.Staff;
using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Booking;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

/// <summary>
/// The dashboard's figures for a period (Beijing days, both ends included) in a member's scope (null: an admin, every
/// county): computed from the records each time, and from <see cref="DailyTally"/> for messages and answer kinds. A member
/// sees only their county's rows: messages of users bound to its rosters, its hand-offs, help requests, delegates,
/// volunteers' hours and redemptions. Nothing about any one person.
/// </summary>
public sealed class DashboardReport(
    EscalationStore escalations, ITicketStore ticketStore, DailyTally tally, AssistantClock clock, IdentityService identity, IBookingStore bookings, IHoursStore hours,
    IVolunteerDirectory volunteers, IOptions<EscalationOptions> escalation, IOptions<BookingOptions> booking)
{
    /// <summary>The longest period one report covers.</summary>
    public const int MaxDays = 366;

    public Dashboard Build(DateOnly from, DateOnly to, StaffScope scope)
    {
        var start = clock.FromWallClock(from.ToDateTime(TimeOnly.MinValue));
        var end = clock.FromWallClock(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        bool InScope(string? county) => scope.Covers(county);
        string CountyName(string? county) => string.IsNullOrEmpty(county) ? OperationsTexts.UnknownCounty : county;

        var counts = tally.Between(from, to).Where(c => InScope(c.County)).ToList();
        var perDay = counts.Where(c => c.Kind == DailyTally.Messages).GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var days = new List<DayCount>();
        for (var d = from; d <= to; d = d.AddDays(1)) days.Add(new DayCount(DailyTally.Day(d), perDay.GetValueOrDefault(DailyTally.Day(d))));
        long Kind(string kind) => counts.Where(c => c.Kind == kind).Sum(c => c.Count);
        var answers = new AnswerCounts(Kind(AssistantTelemetry.Kinds.Answered), Kind(AssistantTelemetry.Kinds.Clarified), Kind(AssistantTelemetry.Kinds.NotSure),
            Kind(AssistantTelemetry.Kinds.SmallTalk), Kind(AssistantTelemetry.Kinds.Flow));
        var unanswered = counts.Where(c => c.Kind == AssistantTelemetry.Kinds.NotSure)
            .GroupBy(c => c.Topic.Length == 0 ? OperationsTexts.NoNearTopic : c.Topic)
            .Select(g => new NamedCount(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal).Take(10).ToList();

        var now = clock.Time.GetUtcNow();
        var limit = escalation.Value.AcknowledgeWithin;
        var handoffs = escalations.All().Where(r => InScope(r.County)).ToList();
        var opened = handoffs.Where(r => r.CreatedAt >= start && r.CreatedAt < end).ToList();
        var inTime = opened.Count(r => (r.ClaimedAt ?? r.FirstReplyAt) is { } at && at <= r.CreatedAt + limit);
        var waiting = handoffs.Where(r => r.Status == EscalationStatus.Waiting).ToList();
        var handoff = new HandoffFigures(opened.Count, inTime, waiting.Count, waiting.Count(r => now > r.CreatedAt + limit));

        var tickets = ticketStore.All()
            .Where(t => t.CreatedAt >= start && t.CreatedAt < end && InScope(t.County)).ToList();
        var byCategory = tickets.GroupBy(t => t.Category).Select(g => new NamedCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var byCounty = tickets.GroupBy(t => CountyName(t.County)).Select(g => new NamedCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        var duty = Duty(to.Year, scope);

        var imported = hours.ImportedBetween(start, end).Where(r => r.Counts && InScope(r.District)).ToList();
        var orders = hours.PlacedBetween(start, end).Where(o => o.Status != OrderStatus.Cancelled).ToList()
            .Select(o => (Order: o, County: volunteers.DistrictOf(o.VolunteerId))).Where(o => InScope(o.County)).ToList();
        var hoursByCounty = imported.Select(r => CountyName(r.District)).Concat(orders.Select(o => CountyName(o.County))).Distinct()
            .OrderBy(c => c, StringComparer.Ordinal)
            .Select(c => new HoursRow(c, imported.Where(r => CountyName(r.District) == c).Sum(r => r.Hours), orders.Where(o => CountyName(o.County) == c).Sum(o => o.Order.Points)))
            .ToList();

        return new Dashboard(DailyTally.Day(from), DailyTally.Day(to), scope.Name, days, answers, unanswered, handoff, byCategory, byCounty, duty, hoursByCounty);
    }

    // Per county, this year: duties the delegates attended (each counted up to the yearly requirement) against what the
    // requirement asks of them all.
    private List<DutyRow> Duty(int year, StaffScope scope)
    {
        var required = booking.Value.RequiredDutiesPerYear;
        return identity.Members(RosterKind.Delegate, scope)
            .GroupBy(m => string.IsNullOrEmpty(m.District) ? OperationsTexts.UnknownCounty : m.District)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var attended = g.Sum(m => Math.Min(required, bookings.OfMember(m.MemberId)
                    .Count(b => b.Attendance == Attendance.Attended && clock.ToLocal(b.Start).Year == year)));
                var met = g.Count(m => bookings.OfMember(m.MemberId).Count(b => b.Attendance == Attendance.Attended && clock.ToLocal(b.Start).Year == year) >= required);
                return new DutyRow(g.Key, g.Count(), g.Count() * required, attended, met);
            })
            .ToList();
    }
}
