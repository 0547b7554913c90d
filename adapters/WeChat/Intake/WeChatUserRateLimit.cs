using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Per-user flood guard (RELIABILITY row 14): a token bucket per OpenID holding half a minute's allowance, refilled
/// at <see cref="WeChatOptions.UserMessagesPerMinute"/>. One user sending a hundred messages a second gets a polite
/// refusal for most of them, and neither runs a hundred turns nor holds up other users. Counted per instance: with
/// several instances behind a balancer the allowance is per instance (a flood is still cut to a few turns).
/// </summary>
public sealed class WeChatUserRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public WeChatUserRateLimit([FromKeyedServices] WeChatAccount account)
    {
        var perMinute = account.Options.UserMessagesPerMinute;
        if (perMinute <= 0) return; // 0 turns the guard off
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 2),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        // Idle buckets (full again) are dropped by the partitioned limiter, so memory follows the active users.
        _limiter = PartitionedRateLimiter.Create<string, string>(openId => RateLimitPartition.GetTokenBucketLimiter(openId, _ => bucket));
    }

    /// <summary>True when <paramref name="openId"/> may start another turn now.</summary>
    internal bool TryTake(string openId)
    {
        if (_limiter is null) return true;
        using var lease = _limiter.AttemptAcquire(openId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
