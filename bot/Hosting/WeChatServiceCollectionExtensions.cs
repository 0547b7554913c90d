using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Hosting.WeChat;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAssistant.Hosting;

/// <summary>Registers the WeChat Official Account channel (served at <c>/api/wechat</c> by <see cref="WeChatEndpoints.MapWeChat"/>).</summary>
public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Options bound from <c>WeChat:</c> and validated at start-up, the API client, delivery rules, the
    /// LiteDB store of undelivered messages (needs <c>LiteDB.ILiteDatabase</c> and the records' <c>FieldCipher</c>)
    /// and its retention sweep, and <see cref="WeChatAdapter"/>.
    /// With no WeChat settings the server still starts and <c>/api/wechat</c> answers 503.
    /// </summary>
    public static IServiceCollection AddWeChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWeChatApi(configuration);
        services.TryAddSingleton<LiteDbUndeliveredStore>();
        services.TryAddSingleton<IUndeliveredMessageStore>(sp => sp.GetRequiredService<LiteDbUndeliveredStore>());
        services.AddHostedService<UndeliveredRetentionService>();
        services.AddHostedService<WeChatModeNotice>();
        services.TryAddSingleton<WeChatDeliveryPolicy>();
        services.TryAddSingleton<WeChatMessenger>();
        services.TryAddSingleton<WeChatBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<WeChatBackgroundWork>());
        services.TryAddSingleton<WeChatAdapter>();
        // Replaces the core's "cannot send" default, whichever was registered first.
        services.Replace(ServiceDescriptor.Singleton<IUserMessenger, WeChatUserMessenger>());
        return services;
    }
}
