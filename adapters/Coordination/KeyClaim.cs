namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// One key for <see cref="IKeyValueCache.ClaimInOrderAsync"/>: stored with <paramref name="Ttl"/> if absent. A key in a
/// group lives at least <paramref name="Ttl"/> and at most as long as its group's longest-lived key
/// (<see cref="IKeyValueCache.PostGrouped"/>); read it with <see cref="IKeyValueCache.GetGroupedAsync"/>.
/// </summary>
/// <param name="SameValueCounts">An existing key holding the same value counts as claimed (a retry of the same request).</param>
public readonly record struct KeyClaim(CacheKey Key, string Value, TimeSpan Ttl, bool SameValueCounts = false)
{
    /// <summary><see cref="IKeyValueCache.ClaimInOrderAsync"/> with one call per key (a store without scripts).</summary>
    public static async Task<int> OneByOneAsync(IKeyValueCache cache, IReadOnlyList<KeyClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(claims);
        for (var i = 0; i < claims.Count; i++)
        {
            var c = claims[i];
            if (await cache.AddIfAbsentAsync(c.Key.Flat, c.Value, c.Ttl, cancellationToken).ConfigureAwait(false)) continue;
            if (c.SameValueCounts && await cache.GetAsync(c.Key.Flat, cancellationToken).ConfigureAwait(false) == c.Value) continue;
            return i;
        }
        return claims.Count;
    }
}
