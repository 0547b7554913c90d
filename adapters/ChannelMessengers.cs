namespace ChatAssistant.Adapters;

/// <summary>
/// The one <see cref="IUserMessenger"/>: sends each message through the messenger of its channel, and a channel with
/// none (the terminal, tests) to <see cref="NoProactiveChannelMessenger"/>, which keeps it and reports it undelivered.
/// </summary>
public sealed class ChannelMessengers(IEnumerable<IChannelMessenger> channels, NoProactiveChannelMessenger none) : IUserMessenger
{
    private readonly Dictionary<string, IChannelMessenger> _byChannel =
        channels.GroupBy(c => c.ChannelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _byChannel.TryGetValue(message.ChannelId, out var channel)
            ? channel.SendAsync(message, cancellationToken)
            : none.SendAsync(message, cancellationToken);
    }
}
