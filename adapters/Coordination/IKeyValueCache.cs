namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// Short-lived shared keys (retry dedupe, replay cache, cached replies, shared tokens).
/// Backed by Redis when configured so that every instance sees the same keys; in-process otherwise.
/// Every key expires: nothing here is a record.
/// </summary>
public interface IKeyValueCache
{
    /// <summary>Stores <paramref name="value"/> only if <paramref name="key"/> is absent (SET NX EX). True when this call stored it.</summary>
    Task<bool> AddIfAbsentAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Reads a key; null when absent or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores or overwrites a key with an expiry.</summary>
    Task SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores or overwrites a key without waiting for the store's answer: nothing on the caller's path waits for a
    /// round trip. Only for keys whose loss is harmless (a remembered reply, a delivery window): if the store is
    /// down the write is dropped silently. Later reads through the same connection see it (Redis runs one
    /// connection's commands in order).
    /// </summary>
    void Post(string key, string value, TimeSpan ttl);

    /// <summary>
    /// Takes one use from a counter stored at <paramref name="key"/> as <c>count</c> or <c>count|rest</c> (the rest is
    /// kept): null when the key is absent (no counter), false when the count has reached <paramref name="limit"/>,
    /// true when it was below and is now one higher. Atomic, and the key's expiry is kept, so two senders at once
    /// cannot both take the last use.
    /// </summary>
    Task<bool?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes a key if present.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="claims"/> in order and stops at the first one refused; returns how many were claimed
    /// (all of them: <c>claims.Count</c>). A claim stores its key if absent; a key already there counts as claimed
    /// only for a claim with <see cref="KeyClaim.SameValueCounts"/> and the same value. A later claim is never
    /// made when an earlier one is refused. Redis does it in one round trip; the default claims one by one.
    /// </summary>
    Task<int> ClaimInOrderAsync(IReadOnlyList<KeyClaim> claims, CancellationToken cancellationToken = default) =>
        KeyClaim.OneByOneAsync(this, claims, cancellationToken);

    /// <summary>
    /// Lets a store hold the commands this request's flow issues until the returned scope is disposed, and send
    /// them together (one write to the store, answered in one go) — this cache's and those of stores sharing its
    /// connection (the turn lock, the sessions). Nothing issued inside may be waited for before the scope is
    /// disposed, so the caller disposes it on its own path, before its first wait. Null: commands go out as issued.
    /// </summary>
    IDisposable? SendTogether() => null;
}

/// <summary>One key for <see cref="IKeyValueCache.ClaimInOrderAsync"/>: stored with <paramref name="Ttl"/> if absent.</summary>
/// <param name="SameValueCounts">An existing key holding the same value counts as claimed (a retry of the same request).</param>
public readonly record struct KeyClaim(string Key, string Value, TimeSpan Ttl, bool SameValueCounts = false)
{
    /// <summary><see cref="IKeyValueCache.ClaimInOrderAsync"/> with one call per key (a store without scripts).</summary>
    public static async Task<int> OneByOneAsync(IKeyValueCache cache, IReadOnlyList<KeyClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(claims);
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            if (await cache.AddIfAbsentAsync(c.Key, c.Value, c.Ttl, cancellationToken).ConfigureAwait(false)) continue;
            if (c.SameValueCounts && await cache.GetAsync(c.Key, cancellationToken).ConfigureAwait(false) == c.Value) continue;
            return i;
        }
        return claims.Count;
    }
}
