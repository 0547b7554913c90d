using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Alerts;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Operations;

/// <summary>
/// Once a minute: counts hand-offs that just passed their acknowledge limit unclaimed (<c>chatassistant.handoffs</c>
/// <c>overdue</c>, once per hand-off while this process runs), and from <c>Operations:DailySummaryAt</c> (Beijing) raises the admins'
/// summary of yesterday as an admin alert (<see cref="Kind"/>: the console's banner and <c>GET /api/staff/alerts</c>),
/// once a day — with figures of all counties and whatever is overdue now.
/// </summary>
public sealed class DailySummary(
    EscalationStore escalations, ITicketStore ticketStore, DailyTally tally, AssistantClock clock, AdminAlerts alerts, IOptions<EscalationOptions> escalation,
    IOptions<DisputeOptions> disputes, IOptions<OperationsOptions> options, ILogger<DailySummary> log) : BackgroundService
{
    /// <summary>The admin alert's kind.</summary>
    public const string Kind = "daily_summary";

    private readonly HashSet<string> _countedOverdue = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock.Time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (Storage.RecordsFailures.IsRecordsError(e))
                {
                    log.LogWarning(e, "Daily summary or overdue count skipped this minute");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One round: the overdue count, and the summary when it is due and not yet raised today.</summary>
    public async Task<AdminAlert?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<AdminAlert?> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.Time.GetUtcNow();
        var limit = escalation.Value.AcknowledgeWithin;
        var handoffs = escalations.All();
        var waiting = handoffs.Where(r => r.Status == EscalationStatus.Waiting).ToList();
        foreach (var overdue in waiting.Where(r => now > r.CreatedAt + limit))
            if (_countedOverdue.Add(overdue.Id)) AssistantTelemetry.Handoff("overdue");

        if (options.Value.SummaryTime is not { } at || TimeOnly.FromDateTime(clock.Now.DateTime) < at) return null;
        var today = clock.Today;
        var todayStart = clock.FromWallClock(today.ToDateTime(TimeOnly.MinValue));
        if (alerts.RaisedSince(Kind, todayStart)) return null;

        var yesterday = today.AddDays(-1);
        var start = todayStart.AddDays(-1);
        var counts = tally.Between(yesterday, yesterday);
        long Of(string kind) => counts.Where(c => c.Kind == kind).Sum(c => c.Count);
        var questions = Of(AssistantTelemetry.Kinds.Answered) + Of(AssistantTelemetry.Kinds.Clarified) + Of(AssistantTelemetry.Kinds.NotSure);
        var answeredShare = questions == 0 ? 0 : (double)Of(AssistantTelemetry.Kinds.Answered) / questions;
        var opened = handoffs.Count(r => r.CreatedAt >= start && r.CreatedAt < todayStart);
        var tickets = ticketStore.All();
        var newTickets = tickets.Count(t => t.CreatedAt >= start && t.CreatedAt < todayStart);
        var overdueTickets = tickets.Where(t => t.Status == TicketStatus.New).Count(t => TicketSla.Of(t, disputes.Value, now).AcknowledgeOverdue);
        var message = OperationsTexts.DailySummary(yesterday, Of(DailyTally.Messages), answeredShare, opened, waiting.Count,
            waiting.Count(r => now > r.CreatedAt + limit), newTickets, overdueTickets);
        return await alerts.RaiseAsync(Kind, message, todayStart.AddDays(1), cancellationToken);
    }
}
