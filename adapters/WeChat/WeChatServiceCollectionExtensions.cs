using ChatAssistant.Adapters.Coordination;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Registers the WeChat API client and its token sharing; used by the host and by operator commands.</summary>
public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>Options (validated at start), the resilient HttpClient, tokens and <see cref="WeChatApi"/>. In-process cache and lock unless others are registered.</summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeChatOptions>().Bind(configuration.GetSection(WeChatOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKeyValueCache, InMemoryKeyValueCache>();
        services.TryAddSingleton<IDistributedLock, InMemoryDistributedLock>();
        services.AddHttpClient(WeChatApiClient.HttpClientName).AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
            o.Retry.MaxRetryAttempts = 2;
            // A send that timed out may have been delivered; repeating it would reach the user twice.
            o.Retry.DisableForUnsafeHttpMethods();
        });
        services.TryAddSingleton<WeChatApiClient>();
        services.TryAddSingleton<WeChatAccessTokens>();
        services.TryAddSingleton<WeChatApi>();
        return services;
    }
}
