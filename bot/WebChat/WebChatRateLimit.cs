using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>
/// How fast a web chat visitor may send: <see cref="WebChatOptions.MessagesPerMinute"/> per visitor, and five times as
/// many per address (a new cookie per message does not escape it). Per instance; held in memory for the minute.
/// </summary>
public sealed class WebChatRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    // Real time on purpose: the windows protect the server; they are no user-facing date.
    public WebChatRateLimit(IOptions<WebChatOptions> options)
    {
        var perVisitor = options.Value.MessagesPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("ip:", StringComparison.Ordinal) ? perVisitor * 5 : perVisitor,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public bool TryAdmit(string visitorId, string? address)
    {
        using var visitor = _limiter.AttemptAcquire("v:" + visitorId);
        if (!visitor.IsAcquired) return false;
        using var ip = _limiter.AttemptAcquire("ip:" + (address ?? "unknown"));
        return ip.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
