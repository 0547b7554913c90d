using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Registers the callback of one WeChat-family account: the intake, its adapter and its delivery.</summary>
public static class WeChatIntakeServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="WeChatCallbackHandler"/> of the account registered under <paramref name="key"/> (null: the default
    /// account; its <see cref="WeChatAccount"/> and API come from <see cref="WeChatApiServiceCollectionExtensions"/>),
    /// with every piece of its request path, its <see cref="WeChatAdapter"/>, delivery rules and messenger, each built
    /// for that account. What all accounts share — the session stores, the pipeline and bot, the undelivered-message
    /// store and <see cref="WeChatBackgroundWork"/> — is the host's, registered once.
    /// </summary>
    public static IServiceCollection AddWeChatIntake(this IServiceCollection services, string? key = null)
    {
        services.AddKeyedSingleton<WeChatDeliveryPolicy>(key);
        services.AddKeyedSingleton<WeChatMessenger>(key);
        services.AddKeyedSingleton<WeChatAdapter>(key);
        services.AddKeyedSingleton<WeChatRequestVerifier>(key);
        services.AddKeyedSingleton<WeChatUrlCheck>(key);
        services.AddKeyedSingleton<WeChatReplyCache>(key);
        services.AddKeyedSingleton<WeChatUserRateLimit>(key);
        services.AddKeyedSingleton<WeChatAdmission>(key);
        services.AddKeyedSingleton<WeChatTurnRunner>(key);
        services.AddKeyedSingleton<WeChatResponder>(key);
        services.AddKeyedSingleton<WeChatLateDelivery>(key);
        services.AddKeyedSingleton<WeChatCallbackHandler>(key);
        services.AddKeyedSingleton<WeChatBaselineHandler>(key);
        return services;
    }
}
