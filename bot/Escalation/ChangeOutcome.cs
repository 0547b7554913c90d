namespace ChatAssistant.Escalation;

/// <summary>The record after a change (null when it does not exist) and why the change was refused, if it was.</summary>
public sealed record ChangeOutcome(EscalationRecord? Record, string? Refusal)
{
    public bool Ok => Record is not null && Refusal is null;
}
