namespace ChatAssistant.Adapters;

/// <summary>A channel that can reach its users outside a turn (WeChat's customer-service API, the web chat's inbox).</summary>
public interface IChannelMessenger
{
    /// <summary>The <c>ChannelId</c> of the activities this messenger answers for.</summary>
    string ChannelId { get; }

    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}
