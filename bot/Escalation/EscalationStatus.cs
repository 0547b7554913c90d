namespace ChatAssistant.Escalation;

/// <summary>Where an escalation is in its life.</summary>
public enum EscalationStatus
{
    Waiting,
    Claimed,
    Resolved,
}
