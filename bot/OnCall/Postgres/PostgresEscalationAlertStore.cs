using System.Text.Json;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using Dapper;

namespace ChatAssistant.OnCall.Postgres;

/// <summary>
/// The alerts sent to staff phones in PostgreSQL (<c>escalation_alerts</c>, migration 0012): each a JSON document with what
/// is searched beside it. A change reads the alert again under an advisory lock named after it, on every instance.
/// </summary>
public sealed class PostgresEscalationAlertStore(PostgresRecords records) : IEscalationAlertStore
{
    private const int LockSpace = 0x414C_5254; // "ALRT"

    private const string Insert =
        "INSERT INTO escalation_alerts (id, escalation_id, ticket_number, task_id, step, acknowledged, sent_at, doc) " +
        "VALUES (@Id, @EscalationId, @TicketNumber, @TaskId, @Step, @acknowledged, @SentAt, @doc::jsonb)";

    /// <summary>How <c>records copy</c> moves the alerts (ids kept).</summary>
    public static RecordsTableCopy<EscalationAlert> Copy() => new(
        LiteDb.LiteEscalationAlertStore.Collection, Insert, Row,
        (c, t) => c.Query<string>("SELECT doc::text FROM escalation_alerts ORDER BY sent_at, id", transaction: t).Select(Read),
        identity: false,
        readLite: db => LiteDb.LiteEscalationAlertStore.Documents(db).All(),
        writeLite: (db, a) => LiteDb.LiteEscalationAlertStore.Documents(db).Insert(a));

    private static object Row(EscalationAlert a) => new
    {
        a.Id, a.EscalationId, a.TicketNumber, a.TaskId, a.Step, acknowledged = a.AcknowledgedAt is not null, a.SentAt,
        doc = JsonSerializer.Serialize(a, PostgresJson.Options),
    };

    private static EscalationAlert Read(string doc) => JsonSerializer.Deserialize<EscalationAlert>(doc, PostgresJson.Options)!;

    public IReadOnlyList<EscalationAlert> Of(string escalationId) => Query("WHERE escalation_id = @escalationId ORDER BY sent_at, step", new { escalationId });

    public IReadOnlyList<EscalationAlert> OfTicket(string number) => Query("WHERE ticket_number = @number ORDER BY sent_at", new { number });

    public EscalationAlert? ByTask(string taskId) => Query("WHERE task_id = @taskId LIMIT 1", new { taskId }).FirstOrDefault();

    public IReadOnlyList<EscalationAlert> UnacknowledgedChains() =>
        Query("WHERE step > 0 AND NOT acknowledged AND ticket_number IS NULL", null)
            .GroupBy(a => a.EscalationId).Select(g => g.OrderByDescending(a => a.Step).First()).ToList();

    public void Add(EscalationAlert alert) => records.Use((c, t) => c.Execute(Insert, Row(alert), t));

    public void Change(string id, Action<EscalationAlert> change) => records.Exclusively(LockSpace, id, () =>
    {
        if (Query("WHERE id = @id", new { id }).FirstOrDefault() is not { } alert) return false;
        change(alert);
        return records.Use((c, t) => c.Execute(
            "UPDATE escalation_alerts SET ticket_number = @TicketNumber, task_id = @TaskId, step = @Step, acknowledged = @acknowledged, doc = @doc::jsonb WHERE id = @Id",
            Row(alert), t)) == 1;
    });

    private List<EscalationAlert> Query(string rest, object? parameters) => records.Use((c, t) =>
        c.Query<string>($"SELECT doc::text FROM escalation_alerts {rest}", parameters, t).Select(Read).ToList());
}
