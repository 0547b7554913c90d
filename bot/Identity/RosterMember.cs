namespace ChatAssistant.Identity;

/// <summary>A person on a roster, and the OpenID bound to them (if any).</summary>
public sealed class RosterMember
{
    public int Id { get; set; }

    public RosterKind Kind { get; set; }

    /// <summary>The delegate id / volunteer id from the staff's CSV.</summary>
    public string MemberId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>区县 / 选区; staff scopes match it.</summary>
    public string District { get; set; } = "";

    public string? Phone { get; set; }

    public string? OpenId { get; set; }

    public DateTimeOffset? BoundAt { get; set; }

    /// <summary>Unique key of (kind, member id), for the unique index.</summary>
    public string Key { get; set; } = "";

    internal static string KeyOf(RosterKind kind, string memberId) => $"{kind}:{memberId}";
}
