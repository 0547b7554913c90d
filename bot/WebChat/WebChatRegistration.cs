using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Web;
using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>Registers the web chat channel (mapped by <see cref="WebChatEndpoints.MapWebChat"/>).</summary>
public static class WebChatRegistration
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddSingleton<WebChatAdapter>();
        services.AddSingleton<WebChatVisitor>();
        services.AddSingleton<WebChatRateLimit>();
        services.AddSingleton<WebChatInbox>();
        services.AddSingleton<IChannelMessenger>(sp => sp.GetRequiredService<WebChatInbox>());
        return services;
    }
}
