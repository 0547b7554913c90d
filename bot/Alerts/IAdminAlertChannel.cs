namespace ChatAssistant.Alerts;

/// <summary>
/// A way to reach admins with an <see cref="AdminAlert"/>: the staff console's live stream today, a WeCom message
/// later. Every registered channel gets every alert once, after it is stored.
/// </summary>
public interface IAdminAlertChannel
{
    /// <summary>Delivers the alert. A failure is logged by the caller and does not stop the other channels.</summary>
    Task DeliverAsync(AdminAlert alert, CancellationToken cancellationToken);
}
