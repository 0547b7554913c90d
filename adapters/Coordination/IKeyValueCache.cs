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

    /// <summary>
    /// Adds one to the counter at <paramref name="key"/> (an absent or expired key counts from 0) and sets the key's
    /// expiry to <paramref name="ttl"/>, renewed by every increment; returns the new count. Atomic and one round trip
    /// (Redis: INCR and PEXPIRE in one script), so two instances counting at once both count. A fixed window is a
    /// key named after the window's start. Issued into <paramref name="batch"/> when this store can join it (then the
    /// task does not complete before the batch is sent).
    /// </summary>
    Task<long> IncrementAsync(string key, TimeSpan ttl, StoreBatch? batch = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when every instance of the deployment sees this store's keys (Redis): a count kept here is the
    /// deployment's. False for the in-process store, whose keys only this process sees.
    /// </summary>
    bool IsShared => false;

    /// <summary>Removes a key if present.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="claims"/> in order and stops at the first one refused; returns how many were claimed
    /// (all of them: <c>claims.Count</c>). A claim stores its key if absent; a key already there counts as claimed
    /// only for a claim with <see cref="KeyClaim.SameValueCounts"/> and the same value. A later claim is never
    /// made when an earlier one is refused. Redis does it in one round trip; the default claims one by one.
    /// </summary>
    Task<int> ClaimInOrderAsync(IReadOnlyList<KeyClaim> claims, CancellationToken cancellationToken = default) =>
        ClaimInOrderAsync(claims, null, cancellationToken);

    /// <summary>
    /// <see cref="ClaimInOrderAsync(IReadOnlyList{KeyClaim}, CancellationToken)"/> issued into
    /// <paramref name="batch"/> when this store can join it (then nothing is sent, and the task does not complete,
    /// before the batch is sent).
    /// </summary>
    Task<int> ClaimInOrderAsync(IReadOnlyList<KeyClaim> claims, StoreBatch? batch, CancellationToken cancellationToken = default) =>
        KeyClaim.OneByOneAsync(this, claims, cancellationToken);

    /// <summary>
    /// A batch for the commands one request issues to this cache and to the stores sharing its connection (the
    /// turn lock, the sessions), to be passed to each call that may join it and sent before anything waits for
    /// them (<see cref="StoreBatch"/>). Null: this store sends every command as issued.
    /// </summary>
    StoreBatch? BeginBatch() => null;

    /// <summary>
    /// <see cref="Post"/> for a key that may belong to a group (<see cref="CacheKey.Group"/>). A store may keep a
    /// group's keys as entries of one record that lives until its latest entry expires, so a grouped key lives at
    /// least its <paramref name="ttl"/> and at most as long as the longest-lived key of its group. The default keeps
    /// each key on its own (<see cref="CacheKey.Flat"/>), with its own expiry.
    /// </summary>
    void PostGrouped(CacheKey key, string value, TimeSpan ttl) => Post(key.Flat, value, ttl);

    /// <summary><see cref="GetAsync"/> for a key that may belong to a group (see <see cref="PostGrouped"/>).</summary>
    Task<string?> GetGroupedAsync(CacheKey key, CancellationToken cancellationToken = default) => GetAsync(key.Flat, cancellationToken);
}
