namespace ChatAssistant.Adapters;

/// <summary>What happened to an outbound message. Failures carry the channel's code and a reason staff can read.</summary>
public sealed record DeliveryResult(bool Delivered, string? ErrorCode = null, string? Reason = null)
{
    public static DeliveryResult Ok() => new(true);

    public static DeliveryResult Failed(string code, string reason) => new(false, code, reason);
}
