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

    /// <summary>Removes a key if present.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}
