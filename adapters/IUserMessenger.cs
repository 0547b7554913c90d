namespace ChatAssistant.Adapters;

/// <summary>Sends proactive messages through the user's channel and reports failures instead of dropping them.</summary>
public interface IUserMessenger
{
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
