using System.Threading.RateLimiting;
using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>
/// How fast a web chat visitor may send: <see cref="WebChatOptions.MessagesPerMinute"/> per visitor, and five times as
/// many per address (a new cookie per message does not escape it), in fixed windows of a minute. Embedded: held in this
/// process's memory for the minute. With a shared cache (Redis) counted there, so several instances behind a balancer
/// allow that many in all, not that many each.
/// </summary>
public sealed class WebChatRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly IKeyValueCache _cache;
    private readonly TimeProvider _time;
    private readonly ILogger<WebChatRateLimit> _logger;
    private readonly int _perVisitor;

    // In process: real time on purpose (the limiter's own timer); the windows protect the server, they are no
    // user-facing date. Shared: the injected clock names the minute, as every instance must name it alike.
    public WebChatRateLimit(IOptions<WebChatOptions> options, IKeyValueCache cache, TimeProvider time, ILogger<WebChatRateLimit> logger)
    {
        _cache = cache;
        _time = time;
        _logger = logger;
        _perVisitor = options.Value.MessagesPerMinute;
        if (cache.IsShared) return;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("ip:", StringComparison.Ordinal) ? _perVisitor * 5 : _perVisitor,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public async Task<bool> TryAdmitAsync(string visitorId, string? address, CancellationToken cancellationToken)
    {
        if (_limiter is not null)
        {
            using var visitor = _limiter.AttemptAcquire("v:" + visitorId);
            if (!visitor.IsAcquired) return false;
            using var ip = _limiter.AttemptAcquire("ip:" + (address ?? "unknown"));
            return ip.IsAcquired;
        }

        try
        {
            // The address only counts messages its visitor was allowed, as in memory: one visitor's flood must not use
            // up the budget of everyone behind the same address (a school's or an office's one public address).
            if (await _cache.CountThisMinuteAsync("webchat:rate:v:" + KeyDigest.Of(visitorId), _time, null, cancellationToken).ConfigureAwait(false) > _perVisitor) return false;
            return await _cache.CountThisMinuteAsync("webchat:rate:ip:" + KeyDigest.Of(address ?? "unknown"), _time, null, cancellationToken).ConfigureAwait(false) <= _perVisitor * 5L;
        }
        catch (StorageUnavailableException e)
        {
            // Open, deliberately, as the WeChat flood guard: the limit spares the server, and a visitor must not be told
            // "too fast" for our outage. The turn itself needs the same Redis for its session and answers busy.
            _logger.LogWarning(e, "Web chat rate limit not counted: the shared store is unavailable; the message is let through");
            Adapters.Telemetry.AssistantTelemetry.StoreFailure("redis");
            return true;
        }
    }

    public void Dispose() => _limiter?.Dispose();
}
