using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;
using ChatAssistant.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
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
        return services;
    }

    public static IEndpointRouteBuilder MapGuideEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = StaffApi.Group(endpoints, "/guide");
        group.MapGet("/entries", (KnowledgeBase guide) => Results.Ok(guide.Entries.Select(e => new { e.Id, e.Title, e.File, e.Source })));
        group.MapPost("/reload", (KnowledgeBase guide) =>
        {
            var result = guide.Reload();
            return result.Succeeded ? Results.Ok(result) : Results.BadRequest(result);
        }).RequireAuthorization(StaffAuthentication.AdminPolicy);
        return endpoints;
    }
}

/// <summary>
/// Loads the guide when the server starts, so a content error stops the start-up naming its file and entry, and so
/// does a <c>Guide:MenuEntries</c> id the guide does not have (the 志愿指南 menu would silently leave it out).
/// </summary>
internal sealed class GuideWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Check(services);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The check itself, which the server's start-up also runs before the host starts (<c>Cli</c>): a hosted
    /// service that throws makes the host log its stack trace ahead of our message.
    /// </summary>
    public static void Check(IServiceProvider services)
    {
        var guide = services.GetRequiredService<KnowledgeBase>();
        var menu = services.GetRequiredService<IOptions<GuideOptions>>().Value.MenuEntries;
        var unknown = menu.Select((id, i) => (id, i)).Where(e => guide.Find(e.id) is null)
            .Select(e => $"Setting 'Guide:MenuEntries:{e.i}' names '{e.id}', which is not an entry id of the guide; use an id from GET /api/staff/guide/entries.")
            .ToList();
        if (unknown.Count > 0) throw new OptionsValidationException("Guide", typeof(GuideOptions), unknown);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
