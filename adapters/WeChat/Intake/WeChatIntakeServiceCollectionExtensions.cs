using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>Registers the callback of one WeChat-family account: the intake, its adapter and its delivery.</summary>
public static class WeChatIntakeServiceCollectionExtensions
{
    // Each resolves what it needs of its own account with [FromKeyedServices], so one list serves every account.
    private static readonly Type[] PerAccount =
    [
        typeof(WeChatDeliveryPolicy), typeof(WeChatMessenger), typeof(WeChatAdapter),
        typeof(WeChatRequestVerifier), typeof(WeChatUrlCheck), typeof(WeChatReplyCache), typeof(WeChatUserRateLimit),
        typeof(WeChatAdmission), typeof(WeChatTurnRunner), typeof(WeChatResponder), typeof(WeChatLateDelivery),
        typeof(WeChatCallbackHandler), typeof(WeChatBaselineHandler),
    ];

    /// <summary>
    /// The <see cref="WeChatCallbackHandler"/> of the account registered under <paramref name="key"/> (null: the default
    /// account; its <see cref="WeChatAccount"/> and API come from <see cref="WeChatApiServiceCollectionExtensions"/>),
    /// with every piece of its request path, its <see cref="WeChatAdapter"/>, delivery rules and messenger, each built
    /// for that account. What all accounts share — the session stores, the pipeline and bot, the undelivered-message
    /// store and <see cref="WeChatBackgroundWork"/> — is the host's, registered once.
    /// </summary>
    public static IServiceCollection AddWeChatIntake(this IServiceCollection services, string? key = null)
    {
        foreach (var type in PerAccount) services.AddKeyedSingleton(type, (object?)key);
        return services;
    }
}
