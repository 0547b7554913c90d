using System.Globalization;

namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// Fixed windows of a minute counted in a shared cache, as the rate limits of several instances need them: the window
/// is named by its start on the injected clock in whole minutes since the Unix epoch, so every instance names the same
/// minute alike (clocks kept by NTP; a few seconds apart only move a message to the next window), and its key outlives
/// the minute by one, so instances whose clocks differ by seconds still find it.
/// </summary>
public static class MinuteCounter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan KeyLifetime = 2 * Window;

    /// <summary>Counts one into this minute's window of <paramref name="key"/>; returns the window's count so far.</summary>
    public static Task<long> CountThisMinuteAsync(this IKeyValueCache cache, string key, TimeProvider time, StoreBatch? batch = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var minuteStart = now - now % (long)Window.TotalSeconds;
        return cache.IncrementAsync(key + ":" + minuteStart.ToString(CultureInfo.InvariantCulture), KeyLifetime, batch, cancellationToken);
    }
}
