using ChatAssistant.Load.Infra;
using ChatAssistant.Load.Report;
using ChatAssistant.Load.Traffic;
using Npgsql;

namespace ChatAssistant.Load;

/// <summary>
/// A failover run (<c>--instances 2 --kill-after S</c>): one instance is killed outright mid-phase; the report says what
/// the others kept answering, what was in flight on the killed one and how WeChat's retry of it went, and whether the
/// database holds any half-written record.
/// </summary>
public static class Failover
{
    /// <summary>Kills <paramref name="victim"/> after <paramref name="after"/>; <paramref name="killed"/> runs right after.</summary>
    public static Task KillLater(BotServer victim, TimeSpan after, Action<string> say, Action killed, CancellationToken ct) => Task.Run(async () =>
    {
        await Task.Delay(after, ct);
        await victim.KillAsync();
        killed();
        say($"Killed the instance on {victim.Address} (SIGKILL) {after.TotalSeconds:F0} s into the phase");
    }, ct);

    /// <summary>Says what happened; true when the failover held (nothing lost but what was in flight, nothing half-written).</summary>
    /// <paramref name="sentSinceKill"/> counts the customer-service messages a user received since the kill.
    public static async Task<bool> ReportAsync(LoadRunner runner, RoundRobinHandler balancer, IReadOnlyList<PhaseResult> results, string connectionString,
        Func<string, int> sentSinceKill, Action<string> say, CancellationToken ct)
    {
        var failed = runner.TransportFailures; // broken connections: in flight on the killed instance
        var otherFailures = results.Sum(r => r.HttpErrors) - failed; // non-2xx answers and timeouts: never expected
        var other = results.Sum(r => r.Errors) - results.Sum(r => r.HttpErrors);
        var retries = runner.Retries;
        say("");
        say("Failover:");
        say($"- requests answered {results.Sum(r => r.Requests) - failed}, other errors (unexpected \"success\", busy) {other}, non-2xx answers or timeouts {otherFailures}, connections broken {failed} (in flight on the killed instance when it died, or sent to it before the balancer saw it down); {balancer.MovedAfterRefusal} moved to the other instance after a refused connection; instances up at the end: {balancer.Up}");
        say($"- WeChat-style retries of the failed ones (same MsgId, 1 s later): {retries.Total}: answered {retries.Of(RetryOutcome.Answered)} (the killed instance had not taken them), " +
            $"\"success\" {retries.Of(RetryOutcome.Success)} (taken by the killed instance: lost with it, not run twice), failed again {retries.Of(RetryOutcome.Failed)}");
        var silenced = runner.SilencedUsers.Keys.ToList();
        // A stale turn lock delays a turn by its time to live (15 s): give the delayed turns that long to deliver.
        await Task.Delay(TimeSpan.FromSeconds(20), ct);
        say($"- users answered \"success\" to a text (their reply comes later through the customer-service API, if at all): {silenced.Count}, " +
            $"of whom {silenced.Count(runner.FailedUsers.ContainsKey)} had a request in flight on the killed instance (their conversation's turn lock stays with it for its time to live); " +
            $"{silenced.Count(u => sentSinceKill(u) > 0)} received customer-service messages since the kill");
        var halfWritten = await HalfWrittenAsync(connectionString, ct);
        foreach (var (check, count) in halfWritten) say($"- {check}: {count}");
        // Held: every failed request was retried and answered or taken by the killed instance; every "success" went to a user
        // whose turn the killed instance held and whose reply came later; nothing busy; nothing half-written.
        var unexplained = silenced.Count(u => !runner.FailedUsers.ContainsKey(u) || sentSinceKill(u) == 0);
        return unexplained == 0 && otherFailures == 0 && results.Sum(r => r.Busy + r.NotSent) == 0 && retries.Of(RetryOutcome.Failed) == 0 && retries.Total == failed
            && halfWritten.Zip(Checks).All(c => !c.Second.Zero || c.First.Count == 0);
    }

    // Records an action writes together (in one transaction): none may exist without the others (Zero). The others only
    // give the scale.
    private static readonly (string Check, string Sql, bool Zero)[] Checks =
    [
        // A booking's reminder is written with it when its due time (the day before, at Booking:ReminderTime) is still
        // ahead, which it always is for a booking made 48 hours or more before its start.
        ("bookings made 48 h or more ahead without their reminder",
            "SELECT count(*) FROM duty_bookings b WHERE b.created_at <= b.start_at - interval '48 hours' AND NOT EXISTS (SELECT 1 FROM duty_reminders r WHERE r.booking_id = b.id)", true),
        ("bookings made 48 h or more ahead, for scale", "SELECT count(*) FROM duty_bookings b WHERE b.created_at <= b.start_at - interval '48 hours'", false),
        ("hand-offs opened, for scale", "SELECT count(*) FROM escalations", false),
        ("reminders without their booking", "SELECT count(*) FROM duty_reminders r WHERE NOT EXISTS (SELECT 1 FROM duty_bookings b WHERE b.id = r.booking_id)", true),
        ("places held twice", "SELECT count(*) FROM (SELECT slot_key, place FROM duty_bookings WHERE status = 'Booked' GROUP BY slot_key, place HAVING count(*) > 1) d", true),
        ("hand-offs opened without their first line", "SELECT count(*) FROM escalations e WHERE NOT EXISTS (SELECT 1 FROM escalation_entries x WHERE x.escalation_id = e.id)", true),
        ("conversations with two open hand-offs", "SELECT count(*) FROM (SELECT conversation_key FROM escalations WHERE status <> 'Resolved' GROUP BY conversation_key HAVING count(*) > 1) d", true),
    ];

    private static async Task<List<(string Check, long Count)>> HalfWrittenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var found = new List<(string, long)>();
        foreach (var (check, sql, _) in Checks)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            found.Add((check, (long)(await command.ExecuteScalarAsync(ct))!));
        }
        return found;
    }
}
