using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
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

    public static IEndpointRouteBuilder MapGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/guide");
        group.MapGet("/entries", (KnowledgeBase guide) => Results.Ok(guide.Entries.Select(e => new { e.Id, e.Title, e.File, e.Source })));
        group.MapPost("/reload", (KnowledgeBase guide, IClusterSignals signals) =>
        {
            var result = GuideReloadSignal.ReloadEverywhere(guide, signals);
            return result.Succeeded ? Results.Ok(result) : Results.BadRequest(result);
        }).RequireAuthorization(StaffAuthentication.AdminPolicy);
        return endpoints;
    }
}
