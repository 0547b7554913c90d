using ChatAssistant.Adapters;
using ChatAssistant.Alerts;
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
using ChatAssistant.Safety;
using ChatAssistant.Security;
using ChatAssistant.Staff;
using ChatAssistant.StaffConsole;
using ChatAssistant.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Hosting;

/// <summary>Everything the assistant needs, registered once for the server and the sub-commands.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AssistantOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AssistantOptions>, AssistantOptionsValidator>();
        services.AddOptions<ProxyOptions>().BindConfiguration("Proxy").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        // The client's address and scheme as the proxy saw them (ASP.NET Core's forwarded-headers middleware, first
        // in the pipeline): loopback proxies are trusted by default, others by Proxy:KnownProxies; one hop only.
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            foreach (var address in proxy.Value.KnownProxies)
                if (System.Net.IPAddress.TryParse(address, out var ip)) forwarded.KnownProxies.Add(ip);
        });
        services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddRecordsDatabase();
        services.AddSessionStorage(configuration);
        services.AddHealthChecks().AddCheck<RecordsHealthCheck>("litedb");
        services.AddConversation();
        services.AddStaffAccounts();
        services.AddSafety();
        services.AddFieldEncryption(); // Escalation and Disputes both keep personal text encrypted
        services.AddEscalation();
        services.AddDisputes(configuration);
        services.AddHostedService<TicketConsoleFeed>();
        services.AddAdminAlerts();
        services.AddIdentity();
        services.AddGuide();
        services.AddHours(configuration);
        services.AddBooking(configuration);
        services.AddWeChatChannel(configuration);
        services.AddFeedback(configuration);
        services.AddFeature<HandoffFlow>(new Intent
        {
            Id = "handoff",
            FlowId = HandoffFlow.FlowId,
            MenuTitle = "转人工",
            MenuOrder = 90,
            Keywords = ["转人工", "找工作人员", "人工服务", "talk to a person"],
            // 「别机器人了，叫个工作人员来」, 「让值班的工作人员联系我一下」, 「找个人跟我说」 — not 「人工客服在哪里找」.
            Patterns =
            [
                new System.Text.RegularExpressions.Regex(@"^(?!.*(怎么|如何|吗|在哪|哪里|几点|电话|是不是|会不会)).*((叫|找|让)[^，。]{0,6}(真人|人工|工作人员|负责人|客服)|找个(真)?人(跟|和)我(说|聊))"),
            ],
        });
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
        services.AddSingleton<AssistantClock>();
        services.AddSingleton<DateTimeReader>();
        services.AddSingleton<FlowEngine>();
        services.AddSingleton<IntentRouter>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<FeatureOffers>();
        services.TryAddSingleton<IUserRoles, NoUserRoles>();
        services.AddFeature<AskBeforeStartFlow>();
        services.AddSingleton<TurnLockMiddleware>();
        services.AddSingleton<TurnCultureMiddleware>();
        services.AddSingleton<IBotPipeline, BotPipeline>();
        services.AddSingleton<ChatBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<ChatBot>());
        services.TryAddSingleton<IFallbackHandler, DefaultFallback>();
        services.AddSingleton<NoProactiveChannelMessenger>();
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
