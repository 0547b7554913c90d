namespace ChatAssistant.Staff;

/// <summary>What disabling or enabling an account did.</summary>
public enum DisableOutcome
{
    Changed,

    /// <summary>It was already so: nothing written, no session ended.</summary>
    Unchanged,

    /// <summary>Refused: the last enabled admin.</summary>
    LastAdmin,
}
