namespace ChatAssistant.Identity;

/// <summary>Wrong-code counter per OpenID, for the lockout.</summary>
public sealed class BindingAttempts
{
    /// <summary>The OpenID.</summary>
    public string Id { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
