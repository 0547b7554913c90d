namespace ChatAssistant.Storage;

/// <summary>Settings of the "Redis" section: where sessions and shared short-lived keys live.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Redis";

    /// <summary>
    /// StackExchange.Redis connection string (e.g. "redis1:6379,password=…"). Unset or blank means the
    /// embedded defaults: sessions in LiteDB, coordination in process (one instance only).
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How long a session may stay idle (neither read nor written) before it expires. Every read and
    /// every write of a session key starts this period again.
    /// </summary>
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Prefix of every key this application writes, so that several apps can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "chatassistant:";

    /// <summary>True when a Redis connection string is configured.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Configuration);
}
