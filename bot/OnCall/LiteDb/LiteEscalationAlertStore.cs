using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.OnCall.LiteDb;

/// <summary>The alerts sent about escalations, in their own LiteDB collection (<c>escalation_alerts</c>), ids kept as the file's <c>ObjectId</c>s.</summary>
public sealed class LiteEscalationAlertStore : IEscalationAlertStore
{
    public const string Collection = "escalation_alerts";

    private readonly ILiteDatabase _db;
    private readonly LiteObjectIdDocuments<EscalationAlert> _alerts;
    private readonly Lock _gate = new();

    public LiteEscalationAlertStore(ILiteDatabase db)
    {
        _db = db;
        _alerts = Documents(db);
        _alerts.Collection.EnsureIndex(nameof(EscalationAlert.EscalationId));
        _alerts.Collection.EnsureIndex(nameof(EscalationAlert.TaskId));
        _alerts.Collection.EnsureIndex(nameof(EscalationAlert.TicketNumber));
    }

    /// <summary>The alerts of a file, as records (also for <c>records copy</c>).</summary>
    public static LiteObjectIdDocuments<EscalationAlert> Documents(ILiteDatabase db) => new(db, Collection, nameof(EscalationAlert.EscalationId));

    public IReadOnlyList<EscalationAlert> Of(string escalationId) =>
        _alerts.FindWhere(LiteQuery.Is(nameof(EscalationAlert.EscalationId), LiteObjectIdDocuments<EscalationAlert>.Id(escalationId)))
            .OrderBy(a => a.SentAt).ThenBy(a => a.Step).ToList();

    public IReadOnlyList<EscalationAlert> OfTicket(string number) => _alerts.FindWhere(LiteQuery.Is(nameof(EscalationAlert.TicketNumber), number));

    public EscalationAlert? ByTask(string taskId) => _alerts.FindOneWhere(LiteQuery.Is(nameof(EscalationAlert.TaskId), taskId));

    public IReadOnlyList<EscalationAlert> UnacknowledgedChains() =>
        _alerts.Find(BsonExpression.Create("Step > 0 AND AcknowledgedAt = null AND TicketNumber = null"))
            .GroupBy(a => a.EscalationId).Select(g => g.OrderByDescending(a => a.Step).First()).ToList();

    public void Add(EscalationAlert alert)
    {
        lock (_gate) _alerts.Insert(alert);
    }

    public void Change(string id, Action<EscalationAlert> change) => LiteTransaction.Exclusively(_db, _gate, () =>
    {
        if (_alerts.Get(id) is not { } alert) return false;
        change(alert);
        return _alerts.Update(alert);
    });
}
