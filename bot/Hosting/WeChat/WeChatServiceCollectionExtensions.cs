using ChatAssistant.Storage;
using ChatAssistant.Adapters;
using ChatAssistant.Adapters.WeChat;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>Registers the WeChat Official Account channel (served at <c>/api/wechat</c> by <see cref="WeChatEndpoints.MapWeChat"/>).</summary>
public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// The default account (options bound from <c>WeChat:</c> and validated at start-up, its API client, delivery rules
    /// and callback: <see cref="WeChatCallbackHandler"/>), what every account shares — the LiteDB store of undelivered
    /// messages (needs <c>LiteDB.ILiteDatabase</c> and the records' <c>FieldCipher</c>) and its retention sweep, the
    /// deliveries that outlive their request — and its proactive messenger (an <see cref="IChannelMessenger"/>).
    /// With no WeChat settings the server still starts and <c>/api/wechat</c> answers 503.
    /// </summary>
    public static IServiceCollection AddWeChatChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWeChatApi(configuration);
        services.AddWeChatIntake();
        services.AddRecordStore<IUndeliveredRecords, LiteDbUndeliveredStore, Postgres.PostgresUndeliveredStore>();
        services.AddSingleton<IUndeliveredMessageStore>(sp => sp.GetRequiredService<IUndeliveredRecords>());
        services.AddSingleton<IRecordsTableCopy>(Postgres.PostgresUndeliveredStore.Copy());
        services.AddHostedService<UndeliveredRetentionService>();
        services.AddHostedService<WeChatModeNotice>();
        services.AddSingleton<WeChatBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<WeChatBackgroundWork>());
        services.AddSingleton<IChannelMessenger, WeChatUserMessenger>();
        foreach (var name in ConfiguredAccounts(configuration))
        {
            services.AddWeChatAccountApi(name, sp => WeChatAccount.Configured(name, sp.GetRequiredService<IOptions<WeChatOptions>>().Value));
            services.AddWeChatIntake(name);
            services.AddSingleton<IChannelMessenger>(sp => new WeChatUserMessenger(
                sp.GetRequiredKeyedService<WeChatMessenger>(name), sp.GetRequiredKeyedService<WeChatAccount>(name)));
        }
        return services;
    }

    /// <summary>The names under <c>WeChat:Accounts</c>: each is served at <c>/api/wechat/{name}</c>.</summary>
    public static IReadOnlyList<string> ConfiguredAccounts(IConfiguration configuration) =>
        configuration.GetSection(WeChatOptions.Section + ":Accounts").GetChildren().Select(c => c.Key).ToList();
}
