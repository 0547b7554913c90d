namespace ChatAssistant.Hours;

/// <summary>Where an imported hour record stands in review.</summary>
public enum RecordStatus
{
    /// <summary>Passed every integrity rule on import; counted.</summary>
    Verified,

    /// <summary>At least one rule fired; not counted until staff approve it.</summary>
    Flagged,

    /// <summary>Flagged, then approved by staff; counted.</summary>
    Approved,

    /// <summary>Revoked by staff; never counted.</summary>
    Revoked,
}
