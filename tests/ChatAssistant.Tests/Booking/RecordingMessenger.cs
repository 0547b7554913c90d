using System.Collections.Concurrent;
using ChatAssistant.Adapters;

namespace ChatAssistant.Tests.Booking;

/// <summary>Stands in for the WeChat API: keeps every message it is asked to send and reports it delivered.</summary>
internal sealed class RecordingMessenger : IUserMessenger
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public IReadOnlyCollection<OutboundMessage> Sent => _sent;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.FromResult(DeliveryResult.Ok());
    }
}
