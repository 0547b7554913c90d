namespace ChatAssistant.Adapters;

/// <summary>A message the assistant sends on its own initiative (staff reply, reminder), outside a user's turn.</summary>
/// <param name="ChannelId">Channel of the user ("wechat", "console", "test").</param>
/// <param name="UserId">The user on that channel (the OpenID on WeChat).</param>
/// <param name="Text">The text; also the fallback when a template cannot be used.</param>
/// <param name="TemplateKey">Optional operator-configured template (e.g. "duty_reminder") for channels that need one outside the reply window.</param>
/// <param name="TemplateFields">Fields of that template.</param>
/// <param name="RecordIfUndelivered">
/// False when the caller keeps a refusal in its own (encrypted, retention-managed) history — ticket and hand-off
/// replies — so the channel does not store the text and the user's id a second time in clear.
/// </param>
public sealed record OutboundMessage(
    string ChannelId,
    string UserId,
    string Text,
    string? TemplateKey = null,
    IReadOnlyDictionary<string, string>? TemplateFields = null,
    bool RecordIfUndelivered = true);

/// <summary>What happened to an outbound message. Failures carry the channel's code and a reason staff can read.</summary>
public sealed record DeliveryResult(bool Delivered, string? ErrorCode = null, string? Reason = null)
{
    public static DeliveryResult Ok() => new(true);

    public static DeliveryResult Failed(string code, string reason) => new(false, code, reason);
}

/// <summary>Sends proactive messages through the user's channel and reports failures instead of dropping them.</summary>
public interface IUserMessenger
{
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

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
