namespace ChatAssistant.Escalation;

/// <summary>Why a conversation went to a person (the core's reasons plus staff picking one up).</summary>
public enum EscalationReason
{
    UserAsked,
    NotUnderstood,
    Crisis,
    StaffPickup,
}
