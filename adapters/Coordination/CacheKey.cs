namespace ChatAssistant.Adapters.Coordination;

/// <summary>
/// A short-lived key, optionally in a <paramref name="Group"/> of keys that expire within seconds of each other
/// (the WeChat replay keys of one signed second, say). A store that keeps a group as one record saves itself a key
/// per entry: under a campaign's load that is millions of keys fewer in Redis (docs/PERFORMANCE.md, step 33).
/// </summary>
public readonly record struct CacheKey(string Key, string? Group = null)
{
    public static implicit operator CacheKey(string key) => new(key);

    /// <summary>The key's name for a store that keeps every key on its own.</summary>
    public string Flat => Group is null ? Key : Group + "/" + Key;

    public override string ToString() => Flat;
}
