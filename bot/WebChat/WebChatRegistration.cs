using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Web;

namespace ChatAssistant.WebChat;

/// <summary>Registers the web chat channel (mapped by <see cref="WebChatEndpoints.MapWebChat"/>).</summary>
public static class WebChatRegistration
{
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddSettings<WebChatOptions, WebChatOptionsValidator>(WebChatOptions.Section);
        services.AddSingleton<WebChatAdapter>();
        services.AddSingleton<WebChatVisitor>();
        services.AddSingleton<WebChatRateLimit>();
        services.AddSingleton<WebChatInbox>();
        services.AddSingleton<IChannelMessenger>(sp => sp.GetRequiredService<WebChatInbox>());
        return services;
    }
}
