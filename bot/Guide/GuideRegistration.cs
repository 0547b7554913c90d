using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Guide.Editing;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Staff;
using ChatAssistant.Storage;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>DI and staff endpoints of the volunteer guide.</summary>
public static class GuideRegistration
{
    public static IServiceCollection AddGuide(this IServiceCollection services)
    {
        services.AddSettings<GuideOptions, GuideOptionsValidator>(GuideOptions.Section);
        // The content files with the changes published in the console over them (read from the records on every load).
        services.AddRecordList<GuideRevision>(GuideRevisions.Collection);
        services.AddSingleton<GuideRevisions>();
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<GuideOptions>>().Value.ContentDirectory;
            var directory = string.IsNullOrWhiteSpace(configured) ? ContentDirectory.Resolve() : Path.GetFullPath(configured);
            return KnowledgeBase.Load(directory, null, sp.GetRequiredService<GuideRevisions>().ChangesToServe);
        });
        services.AddSingleton(sp => Library(sp.GetRequiredService<KnowledgeBase>(), sp.GetService<IOptions<WeChatOptions>>()?.Value, sp.GetRequiredService<GuideRevisions>().ChangesToServe));
        services.AddSingleton<GuideEditor>();
        services.AddHostedService<GuidePublishedWatch>();
        // What the guide could not answer, back to staff (the console's 「未解答问题」).
        services.AddRecordList<UnansweredQuestion>(UnansweredQuestions.Collection);
        services.AddSingleton<UnansweredQuestions>();
        services.AddSingleton<IMessageInterceptor, GuideFollowUp>();
        services.AddHostedService<UnansweredRetention>();
        // Registered after the core's default, so the guide answers what no intent matched.
        services.AddSingleton<IFallbackHandler, GuideFallback>();
        services.AddSingleton<GuideClarifyFlow>();
        services.AddSingleton<Flow>(sp => sp.GetRequiredService<GuideClarifyFlow>());
        services.AddFeature<GuideMenuFlow>(new Intent
        {
            Id = "guide",
            FlowId = GuideMenuFlow.FlowId,
            MenuTitle = "志愿指南（注册、时长、兑换等常见问题）",
            MenuOrder = 10,
            Keywords = ["志愿指南", "志愿服务指南", "常见问题", "faq", "volunteer guide"],
            MenuKeys = ["GUIDE"],
        });
        services.AddHostedService<GuideWarmup>();
        services.AddHostedService<GuideReloadSignal>();
        return services;
    }

    /// <summary>
    /// The guides of <paramref name="wechat"/>'s accounts: one overlaid guide per account with a <c>GuideOverlay</c>
    /// (the default account's under the channel <c>wechat</c>), the shared one for every other channel. Throws the
    /// content errors of an overlay, naming its files.
    /// </summary>
    internal static GuideLibrary Library(KnowledgeBase shared, WeChatOptions? wechat, Func<GuideChanges> changes)
    {
        var byChannel = new Dictionary<string, KnowledgeBase>(StringComparer.Ordinal);
        if (wechat is not null)
        {
            if (Overlay(wechat) is { } own) byChannel[WeChatAdapter.ChannelId] = KnowledgeBase.Load(shared.Directory, own, changes);
            foreach (var name in wechat.Accounts.Keys)
                if (Overlay(wechat.Accounts[name]) is { } overlay)
                    byChannel[WeChatAccount.Configured(name, wechat).ChannelId] = KnowledgeBase.Load(shared.Directory, overlay, changes);
        }
        return new GuideLibrary(shared, byChannel);
    }

    private static string? Overlay(WeChatOptions account) =>
        string.IsNullOrWhiteSpace(account.GuideOverlay) ? null : Path.GetFullPath(account.GuideOverlay);

    public static IEndpointRouteBuilder MapGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/guide");
        group.MapPost("/reload", (GuideLibrary guide, IClusterSignals signals) =>
        {
            var result = GuideReloadSignal.ReloadEverywhere(guide, signals);
            return result.Succeeded ? Results.Ok(result) : Results.BadRequest(result);
        }).RequireAuthorization(StaffAuthentication.AdminPolicy);
        GuideDeskEndpoints.Map(group);
        return endpoints;
    }
}
