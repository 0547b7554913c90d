using Microsoft.AspNetCore.Http;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// What <see cref="WeChatRequestVerifier"/> made of one callback: a status to answer with, or the verified message's
/// fields with what its replay claim needs (how long the signed query can still pass the checks, and its body's hash).
/// </summary>
internal sealed record WeChatInbound(int Status, string Reason, WeChatQuery Query, IReadOnlyDictionary<string, string>? Fields = null)
{
    public bool Accepted => Fields is not null;

    /// <summary>How long this signed query can still pass the timestamp check (its replay key lives that long).</summary>
    public TimeSpan PassesFor { get; init; }

    /// <summary>The body's SHA-256 in hex: the same signed query may come back only with the same body (a WeChat retry).</summary>
    public string BodyHash { get; init; } = "";

    /// <summary>One answer for every authentication failure, whatever the cause (the cause is only logged).</summary>
    public static WeChatInbound Rejected(WeChatQuery query, string reason) => new(StatusCodes.Status403Forbidden, reason, query);
}
