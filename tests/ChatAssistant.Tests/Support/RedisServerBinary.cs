namespace ChatAssistant.Tests.Support;

/// <summary>Finds redis-server, and knows whether a missing one must fail the run (CI=true).</summary>
public static class RedisServerBinary
{
    /// <summary>What to tell the developer when the binary is absent.</summary>
    public const string MissingMessage =
        "redis-server not found on PATH or at /usr/bin/redis-server; install it with `apt-get install redis-server`. " +
        "Under CI=true this is a failure, elsewhere the Redis tests are skipped.";

    /// <summary>True when running under CI, where a missing dependency fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The full path of redis-server, or null.</summary>
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate)) return candidate;
        }
        return File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
    }
}
