
namespace ChatAssistant.Alerts;

/// <summary>
/// Raises alerts for admins: stores them (<see cref="IAdminAlertStore"/>, the list the console reads) and hands them
/// to every <see cref="IAdminAlertChannel"/>. Alerts older than <see cref="Retention"/> are deleted on the next raise.
/// </summary>
public sealed class AdminAlerts
{
    /// <summary>How long an alert stays listed.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    private readonly IAdminAlertStore _alerts;
    private readonly IEnumerable<IAdminAlertChannel> _channels;
    private readonly TimeProvider _time;
    private readonly ILogger<AdminAlerts> _log;

    public AdminAlerts(IAdminAlertStore store, IEnumerable<IAdminAlertChannel> channels, TimeProvider time, ILogger<AdminAlerts> log)
    {
        _alerts = store;
        _channels = channels;
        _time = time;
        _log = log;
    }

    /// <summary>Stores an alert and delivers it on every channel. <paramref name="message"/> must hold no personal data.</summary>
    public async Task<AdminAlert> RaiseAsync(string kind, string message, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var alert = new AdminAlert { At = now, Kind = kind, Message = message, Until = until };
        _alerts.DeleteBefore(now - Retention);
        _alerts.Add(alert);
        _log.LogWarning("Admin alert {AlertKind} raised", kind);
        ChatAssistant.Adapters.Telemetry.AssistantTelemetry.AlertSent(kind);
        foreach (var channel in _channels)
        {
            try
            {
                await channel.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stored already: admins still find it in the console's list.
                _log.LogError(e, "Admin alert {AlertKind} not delivered on {Channel}", kind, channel.GetType().Name);
            }
        }
        return alert;
    }

    /// <summary>The newest alerts first.</summary>
    public IReadOnlyList<AdminAlert> Recent(int limit = 50) => _alerts.Recent(Math.Clamp(limit, 1, 500));

    /// <summary>Whether an alert of <paramref name="kind"/> was raised at or after <paramref name="since"/>, by any instance.</summary>
    public bool RaisedSince(string kind, DateTimeOffset since) => _alerts.RaisedSince(kind, since);
}
