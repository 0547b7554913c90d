using ChatAssistant.Adapters;
using ChatAssistant.Alerts;
using ChatAssistant.Audit;
using ChatAssistant.Booking;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Feedback;
using ChatAssistant.Guide;
using ChatAssistant.Hosting.WeChat;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Operations;
using ChatAssistant.Safety;
using ChatAssistant.Security;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.StaffConsole;
using ChatAssistant.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatAssistant.WebChat;

namespace ChatAssistant.Hosting;

/// <summary>Everything the assistant needs, registered once for the server and the sub-commands.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<AssistantOptions, AssistantOptionsValidator>(AssistantOptions.Section);
        services.AddSettings<ProxyOptions, ProxyOptionsValidator>(ProxyOptions.Section);
        // The client's address and scheme as the proxy saw them (ASP.NET Core's forwarded-headers middleware, first
        // in the pipeline): loopback proxies are trusted by default, others by Proxy:KnownProxies; one hop only.
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            foreach (var address in proxy.Value.KnownProxies)
                if (System.Net.IPAddress.TryParse(address, out var ip)) forwarded.KnownProxies.Add(ip);
        });
        services.AddSettings<StorageOptions, StorageOptionsValidator>(StorageOptions.Section);

        services.AddRecords();
        services.AddSessionStorage(configuration);
        services.AddSharedKeyRing();
        services.AddConversation();
        services.AddAudit();
        services.AddStaffAccounts();
        services.AddSafety();
        services.AddFieldEncryption(); // Escalation and Disputes both keep personal text encrypted
        services.AddEscalation();
        services.AddDisputes();
        services.AddHostedService<TicketConsoleFeed>();
        services.AddAdminAlerts();
        services.AddIdentity();
        services.AddGuide();
        services.AddHours();
        services.AddBooking();
        services.AddWeChatChannel(configuration);
        services.AddStaffPhone();
        services.AddRecordList<QuickReplies.QuickReply>(QuickReplies.QuickReplyStore.Collection);
        services.AddSingleton<QuickReplies.QuickReplyStore>();
        services.AddWebChat();
        services.AddFeedback();
        services.AddOperations(configuration);
        return services;
    }

    /// <summary>
    /// The conversation core: state, flow engine, router, bot and pipeline. The session store, cache and lock it runs
    /// on are <see cref="StorageServiceCollectionExtensions.AddSessionStorage"/>'s, the proactive messenger the channel's.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        // Both states go through TurnStateStorage, which serves the batch read made at the start of the turn.
        services.AddSingleton(sp => new TurnStateStorage(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<TurnStateStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<TurnStateStorage>()));
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<AssistantClock>();
        services.AddSingleton<DateTimeReader>();
        services.AddSingleton<FlowEngine>();
        services.AddSingleton<IntentRouter>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton(sp => new AccountNames(sp.GetService<Microsoft.Extensions.Options.IOptions<ChatAssistant.Adapters.WeChat.WeChatOptions>>()?.Value));
        services.AddSingleton<FeatureOffers>();
        services.TryAddSingleton<IUserRoles, NoUserRoles>();
        services.AddFeature<AskBeforeStartFlow>();
        services.AddSingleton<TurnLockMiddleware>();
        services.AddSingleton<TurnCultureMiddleware>();
        services.AddSingleton<TurnTelemetryMiddleware>();
        services.AddSingleton<IBotPipeline, BotPipeline>();
        services.AddSingleton<ChatBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<ChatBot>());
        services.TryAddSingleton<IFallbackHandler, DefaultFallback>();
        services.AddSingleton<NoProactiveChannelMessenger>();
        services.AddSingleton<IUserMessenger, ChannelMessengers>();
        return services;
    }

    /// <summary>Registers a flow and the intents that start it.</summary>
    public static IServiceCollection AddFeature<TFlow>(this IServiceCollection services, params Intent[] intents) where TFlow : Flow
    {
        services.AddSingleton<TFlow>();
        services.AddSingleton<Flow>(sp => sp.GetRequiredService<TFlow>());
        foreach (var intent in intents) services.AddSingleton(intent);
        return services;
    }
}
