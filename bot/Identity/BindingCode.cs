namespace ChatAssistant.Identity;

/// <summary>A one-time binding code; only its keyed hash is stored (<see cref="BindingCodeHasher"/>), and it names the code.</summary>
public sealed class BindingCode
{
    public string CodeHash { get; set; } = "";

    /// <summary>
    /// How <see cref="CodeHash"/> was made: <see cref="BindingCodeHasher.HmacScheme"/>, or 0 for a code issued by a
    /// version before keyed codes (plain SHA-256), which no longer binds.
    /// </summary>
    public int Scheme { get; set; }

    public RosterKind Kind { get; set; }

    public string MemberId { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
