using Microsoft.AspNetCore.Http;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>The query parameters WeChat signs every callback with.</summary>
internal sealed record WeChatQuery(string? Signature, string? Timestamp, string? Nonce, string? EchoStr, string? MsgSignature, bool Encrypted)
{
    public static WeChatQuery From(IQueryCollection q) => new(
        q["signature"].FirstOrDefault(), q["timestamp"].FirstOrDefault(), q["nonce"].FirstOrDefault(), q["echostr"].FirstOrDefault(),
        q["msg_signature"].FirstOrDefault(), string.Equals(q["encrypt_type"].FirstOrDefault(), "aes", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The outcome of reading one callback: a status to answer with, or the verified message fields.</summary>
internal sealed record WeChatInbound(int Status, string Reason, WeChatQuery Query, IReadOnlyDictionary<string, string>? Fields = null)
{
    public bool Accepted => Fields is not null;

    /// <summary>The extra key the reader was asked to claim with the replay key was new (see <see cref="WeChatRequestReader"/>).</summary>
    public bool AlsoClaimed { get; init; }

    /// <summary>Set when the shared store failed at the claim: the message is genuine but nothing was claimed, so no turn may run.</summary>
    public Exception? StoreFailure { get; init; }

    /// <summary>One answer for every authentication failure, whatever the cause (the cause is only logged).</summary>
    public static WeChatInbound Rejected(WeChatQuery query, string reason) => new(StatusCodes.Status403Forbidden, reason, query);
}
