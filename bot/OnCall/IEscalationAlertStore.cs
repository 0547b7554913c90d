namespace ChatAssistant.OnCall;

/// <summary>
/// The alerts sent to staff phones (<see cref="EscalationAlert"/>; LiteDB: <see cref="LiteDb.LiteEscalationAlertStore"/>;
/// PostgreSQL: <see cref="Postgres.PostgresEscalationAlertStore"/>).
/// </summary>
public interface IEscalationAlertStore
{
    /// <summary>The alerts about an escalation, in the order they were sent.</summary>
    IReadOnlyList<EscalationAlert> Of(string escalationId);

    /// <summary>The alerts about a help request.</summary>
    IReadOnlyList<EscalationAlert> OfTicket(string number);

    /// <summary>The alert whose card has <paramref name="taskId"/>.</summary>
    EscalationAlert? ByTask(string taskId);

    /// <summary>Chains still waiting for someone: the latest step of each urgent escalation nobody acknowledged.</summary>
    IReadOnlyList<EscalationAlert> UnacknowledgedChains();

    void Add(EscalationAlert alert);

    /// <summary>Applies <paramref name="change"/> to the stored alert and saves it, while no other change of it runs (nothing when there is none).</summary>
    void Change(string id, Action<EscalationAlert> change);
}
