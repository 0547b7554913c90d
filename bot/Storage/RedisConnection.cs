using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>Builds the process's one <see cref="ConnectionMultiplexer"/> with timeouts that fit WeChat's 5 s deadline.</summary>
public static class RedisConnection
{
    /// <summary>Connect timeout applied unless the connection string sets connectTimeout.</summary>
    public const int ConnectTimeoutMs = 2000;

    /// <summary>Sync and async command timeouts applied unless the connection string sets them.</summary>
    public const int CommandTimeoutMs = 1000;

    /// <summary>
    /// Parses <paramref name="configuration"/> and applies our defaults: never abort when Redis is down at
    /// start (the multiplexer keeps reconnecting in the background, so service resumes by itself), and fail a
    /// command within about 1-2 s (timeouts are checked once a second) so a turn can still answer "busy" inside WeChat's 5 s.
    /// </summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        if (!Mentions(configuration, "connectTimeout")) options.ConnectTimeout = ConnectTimeoutMs;
        if (!Mentions(configuration, "syncTimeout")) options.SyncTimeout = CommandTimeoutMs;
        if (!Mentions(configuration, "asyncTimeout")) options.AsyncTimeout = CommandTimeoutMs;
        if (!Mentions(configuration, "connectRetry")) options.ConnectRetry = 3;
        // A short keep-alive finds a dead server quickly instead of after the default minute.
        if (!Mentions(configuration, "keepAlive")) options.KeepAlive = 5;
        options.SocketManager = SocketManager.ThreadPool;
        return options;
    }

    /// <summary>Connects (without throwing when Redis is down) and logs connection loss and recovery.</summary>
    public static ConnectionMultiplexer Connect(string configuration, ILogger logger)
    {
        var multiplexer = ConnectionMultiplexer.Connect(Options(configuration));
        multiplexer.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Redis connection lost ({FailureType}) to {EndPoint}", e.FailureType, e.EndPoint);
        multiplexer.ConnectionRestored += (_, e) =>
            logger.LogInformation("Redis connection restored to {EndPoint}", e.EndPoint);
        if (!multiplexer.IsConnected)
            logger.LogWarning("Redis is not reachable at start-up; sessions fail with a busy answer until it is");
        return multiplexer;
    }

    private static bool Mentions(string configuration, string option) =>
        configuration.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
}
