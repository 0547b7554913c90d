using ChatAssistant.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAssistant.Storage;

/// <summary>
/// Where the Data Protection key ring lives (it seals the staff sign-in cookie, the CSRF token and the web chat's
/// visitor cookie). With Redis configured: in Redis (KeyPrefix + "dataprotection-keys"), so a cookie one instance
/// issued opens on every other instance and survives a deploy. Embedded: in the data folder ("keys"), so it
/// survives a restart. One application name for all instances, whatever folder each runs from.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>The application name every instance protects with (keys are shared only under the same name).</summary>
    public const string ApplicationName = "ChatAssistant";

    /// <summary>The Redis key of the ring, after the key prefix.</summary>
    public const string RedisKey = "dataprotection-keys";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // Decided from the bound options when the key manager is first built, like the session storage.
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var redis = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            options.XmlRepository = redis.UsesRedis ? Redis(sp, redis) : Folder(sp);
        });
        return services;
    }

    private static RedisXmlRepository Redis(IServiceProvider sp, RedisOptions options) =>
        new(() => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), options.KeyPrefix + RedisKey);

    private static FileSystemXmlRepository Folder(IServiceProvider sp)
    {
        var folder = Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory), "keys");
        return new FileSystemXmlRepository(new DirectoryInfo(folder), sp.GetRequiredService<ILoggerFactory>());
    }
}
