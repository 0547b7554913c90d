using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Staff;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Guide;

/// <summary>DI and staff endpoints of the volunteer guide.</summary>
public static class GuideRegistration
{
    public static IServiceCollection AddGuide(this IServiceCollection services)
    {
        services.AddSettings<GuideOptions, GuideOptionsValidator>(GuideOptions.Section);
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<GuideOptions>>().Value.ContentDirectory;
            return KnowledgeBase.Load(string.IsNullOrWhiteSpace(configured) ? ContentDirectory.Resolve() : Path.GetFullPath(configured));
        });
        services.AddSingleton(sp => Library(sp.GetRequiredService<KnowledgeBase>(), sp.GetService<IOptions<WeChatOptions>>()?.Value));
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
    internal static GuideLibrary Library(KnowledgeBase shared, WeChatOptions? wechat)
    {
        var byChannel = new Dictionary<string, KnowledgeBase>(StringComparer.Ordinal);
        if (wechat is not null)
        {
            if (Overlay(wechat) is { } own) byChannel[WeChatAdapter.ChannelId] = KnowledgeBase.Load(shared.Directory, own);
            foreach (var name in wechat.Accounts.Keys)
                if (Overlay(wechat.Accounts[name]) is { } overlay)
                    byChannel[WeChatAccount.Configured(name, wechat).ChannelId] = KnowledgeBase.Load(shared.Directory, overlay);
        }
        return new GuideLibrary(shared, byChannel);
    }

    private static string? Overlay(WeChatOptions account) =>
        string.IsNullOrWhiteSpace(account.GuideOverlay) ? null : Path.GetFullPath(account.GuideOverlay);

    public static IEndpointRouteBuilder MapGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/guide");
        group.MapGet("/entries", (KnowledgeBase guide) => Results.Ok(guide.Entries.Select(e => new { e.Id, e.Title, e.File, e.Source })));
        group.MapPost("/reload", (GuideLibrary guide, IClusterSignals signals) =>
        {
            var result = GuideReloadSignal.ReloadEverywhere(guide, signals);
            return result.Succeeded ? Results.Ok(result) : Results.BadRequest(result);
        }).RequireAuthorization(StaffAuthentication.AdminPolicy);
        return endpoints;
    }
}
