using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Registers the WeChat API client and its token sharing; used by the host and by operator commands.</summary>
public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>
    /// Options bound from <c>WeChat</c> (validated at start), the resilient HttpClient, and the default account
    /// (<see cref="WeChatAccount.Default"/>) with its API client, shared token and <see cref="WeChatApi"/>. The shared
    /// cache and lock the token needs are the session storage's (<c>AddSessionStorage</c>), registered by the caller.
    /// </summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WeChatOptions, WeChatOptionsValidator>(WeChatOptions.Section, configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WeChatApiClient.HttpClientName).AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
            o.Retry.MaxRetryAttempts = 2;
            // A send that timed out may have been delivered; repeating it would reach the user twice.
            o.Retry.DisableForUnsafeHttpMethods();
        });
        return services.AddWeChatAccountApi(null, sp => WeChatAccount.Default(sp.GetRequiredService<IOptions<WeChatOptions>>().Value));
    }

    /// <summary>
    /// An account (<paramref name="key"/> null: the default one, else its name as the DI key) with its own API client,
    /// token and <see cref="WeChatApi"/>: each resolves the <see cref="WeChatAccount"/> registered under the same key.
    /// </summary>
    public static IServiceCollection AddWeChatAccountApi(this IServiceCollection services, string? key, Func<IServiceProvider, WeChatAccount> account)
    {
        ArgumentNullException.ThrowIfNull(account);
        services.AddKeyedSingleton(key, (sp, _) => account(sp));
        services.AddKeyedSingleton<WeChatApiClient>(key);
        services.AddKeyedSingleton<WeChatAccessTokens>(key);
        services.AddKeyedSingleton<WeChatApi>(key);
        return services;
    }
}
