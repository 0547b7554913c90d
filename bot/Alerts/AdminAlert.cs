namespace ChatAssistant.Alerts;

/// <summary>
/// Something admins must know about now (binding paused by a guessing attack, …). Stored, listed by
/// <c>GET /api/staff/alerts</c>, shown in the console and handed to every <see cref="IAdminAlertChannel"/>.
/// Never holds personal data: no OpenID, no name, no message text.
/// </summary>
public sealed class AdminAlert
{
    /// <summary>24 hex digits, given when the alert is stored.</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>What happened, as a stable name for scripts and channels: "identity.binding.paused".</summary>
    public string Kind { get; set; } = "";

    /// <summary>What admins read (Chinese): what happened and what to do.</summary>
    public string Message { get; set; } = "";

    /// <summary>When the situation ends by itself (a pause until the next hour); null when it does not.</summary>
    public DateTimeOffset? Until { get; set; }
}
