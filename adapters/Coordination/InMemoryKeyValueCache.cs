using System.Collections.Concurrent;
using System.Globalization;

namespace ChatAssistant.Adapters.Coordination;

/// <summary>In-process <see cref="IKeyValueCache"/> for a single instance (the embedded default).</summary>
public sealed class InMemoryKeyValueCache(TimeProvider time) : IKeyValueCache
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires)> _items = new();
    private long _writes;

    public Task<bool> AddIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var entry = (value, now + ttl);
        while (true)
        {
            if (_items.TryAdd(key, entry)) { Sweep(now); return Task.FromResult(true); }
            if (_items.TryGetValue(key, out var existing))
            {
                if (existing.Expires > now) return Task.FromResult(false);
                // Expired: replace it only if nobody else did meanwhile.
                if (_items.TryUpdate(key, entry, existing)) return Task.FromResult(true);
            }
        }
    }

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        if (_items.TryGetValue(key, out var e) && e.Expires > time.GetUtcNow()) return Task.FromResult<string?>(e.Value);
        return Task.FromResult<string?>(null);
    }

    public Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        _items[key] = (value, now + ttl);
        Sweep(now);
        return Task.CompletedTask;
    }

    public void Post(string key, string value, TimeSpan ttl) => SetAsync(key, value, ttl);

    public Task<bool?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (!_items.TryGetValue(key, out var e) || e.Expires <= now) return Task.FromResult<bool?>(null);
            if (CountedValue.Next(e.Value, limit) is not { } next) return Task.FromResult<bool?>(CountedValue.Parse(e.Value) is null ? null : false);
            // Compare-and-swap: a sender that took a use meanwhile makes this one read again.
            if (_items.TryUpdate(key, (next, e.Expires), e)) return Task.FromResult<bool?>(true);
        }
    }

    public Task<long> IncrementAsync(string key, TimeSpan ttl, StoreBatch? batch = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // AddOrUpdate swaps atomically (its factory may run again on a race, never counting twice).
        var entry = _items.AddOrUpdate(key,
            static (_, expires) => ("1", expires),
            (_, e, expires) => ((Count(e, now) + 1).ToString(CultureInfo.InvariantCulture), expires),
            now + ttl);
        Sweep(now);
        return Task.FromResult(long.Parse(entry.Value, CultureInfo.InvariantCulture));
    }

    // A live entry's count; an expired one counts from nothing. A value that holds no count is a caller's bug, as INCR
    // on it is in Redis.
    private static long Count((string Value, DateTimeOffset Expires) entry, DateTimeOffset now) =>
        entry.Expires <= now ? 0
        : long.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) ? count
        : throw new InvalidOperationException("The key holds no counter.");

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    // Expired entries are dropped every 1024 writes so that memory stays bounded without a timer.
    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _writes) % 1024 != 0) return;
        foreach (var pair in _items)
            if (pair.Value.Expires <= now) _items.TryRemove(pair);
    }
}
