namespace ChatAssistant.Staff;

/// <summary>How a sign-in attempt went.</summary>
public enum SignInStatus
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The name is longer than any account's: refused before any hashing.</summary>
    NameTooLong,
}
