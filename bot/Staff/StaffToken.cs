namespace ChatAssistant.Staff;

/// <summary>A bearer token for scripts; only its SHA-256 is stored.</summary>
public sealed class StaffToken
{
    /// <summary>24 hex digits, given when stored; staff name a token by it to revoke it.</summary>
    public string Id { get; set; } = "";

    public string Hash { get; set; } = "";

    public int StaffId { get; set; }

    public string Label { get; set; } = "";

    /// <summary>The account's <see cref="StaffAccount.SessionVersion"/> when issued: a disable or a new password ends the token.</summary>
    public int SessionVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the token stops working; null for tokens issued before tokens expired (they never do).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
