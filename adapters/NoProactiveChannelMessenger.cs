namespace ChatAssistant.Adapters;

/// <summary>
/// The messenger for channels that cannot reach a user outside a turn (the terminal). It keeps what it was
/// given so tests and the console can see it, and reports it as not delivered.
/// </summary>
public sealed class NoProactiveChannelMessenger : IUserMessenger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<OutboundMessage> _kept = new();

    /// <summary>Messages that could not be sent, oldest first.</summary>
    public IReadOnlyCollection<OutboundMessage> Kept => _kept;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _kept.Enqueue(message);
        return Task.FromResult(DeliveryResult.Failed("no-channel", "这个渠道不能主动发送消息"));
    }
}
