using ChatAssistant.Storage;
using LiteDB;

namespace ChatAssistant.OnCall;

/// <summary>The alerts sent about escalations (<see cref="EscalationAlert"/>), in their own collection.</summary>
public sealed class EscalationAlertStore
{
    public const string Collection = "escalation_alerts";

    private readonly ILiteCollection<EscalationAlert> _alerts;
    private readonly object _gate = new();

    public EscalationAlertStore(ILiteDatabase db)
    {
        _alerts = db.GetCollection<EscalationAlert>(Collection);
        _alerts.EnsureIndex(a => a.EscalationId);
        _alerts.EnsureIndex(a => a.TaskId);
        _alerts.EnsureIndex(a => a.TicketNumber);
    }

    public IReadOnlyList<EscalationAlert> Of(ObjectId escalationId) =>
        _alerts.FindWhere(LiteQuery.Is(nameof(EscalationAlert.EscalationId), escalationId)).OrderBy(a => a.SentAt).ThenBy(a => a.Step).ToList();

    public IReadOnlyList<EscalationAlert> OfTicket(string number) =>
        _alerts.FindWhere(LiteQuery.Is(nameof(EscalationAlert.TicketNumber), number)).ToList();

    public EscalationAlert? ByTask(string taskId) => _alerts.FindOneWhere(LiteQuery.Is(nameof(EscalationAlert.TaskId), taskId));

    /// <summary>Chains still waiting for someone: the latest step of each urgent escalation nobody acknowledged.</summary>
    public IReadOnlyList<EscalationAlert> UnacknowledgedChains() =>
        _alerts.Find(a => a.Step > 0 && a.AcknowledgedAt == null && a.TicketNumber == null).GroupBy(a => a.EscalationId).Select(g => g.OrderByDescending(a => a.Step).First()).ToList();

    public void Add(EscalationAlert alert)
    {
        lock (_gate) _alerts.Insert(alert);
    }

    /// <summary>Applies <paramref name="change"/> to the alert under the store's lock and saves it.</summary>
    public void Change(ObjectId id, Action<EscalationAlert> change)
    {
        lock (_gate)
        {
            if (_alerts.FindById(id) is not { } alert) return;
            change(alert);
            _alerts.Update(alert);
        }
    }
}
