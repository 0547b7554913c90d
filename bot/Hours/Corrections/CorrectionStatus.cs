namespace ChatAssistant.Hours;

/// <summary>Where a volunteer's correction request stands.</summary>
public enum CorrectionStatus
{
    /// <summary>Waiting in the review queue.</summary>
    Open,

    /// <summary>Staff checked it and answered (the record fixed, revoked, imported, or the hours were right).</summary>
    Resolved,
}
