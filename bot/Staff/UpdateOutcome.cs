namespace ChatAssistant.Staff;

/// <summary>What changing an account's role, scope or display name did.</summary>
public enum UpdateOutcome
{
    /// <summary>Only the display name changed: sessions go on.</summary>
    Changed,

    /// <summary>The role or scope changed: the account's sessions and tokens end at their next request.</summary>
    ChangedSignedOut,

    /// <summary>Nothing to change: nothing written.</summary>
    Unchanged,

    /// <summary>Refused: it would leave no enabled admin.</summary>
    LastAdmin,
}
