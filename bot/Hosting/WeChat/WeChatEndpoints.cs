using ChatAssistant.Adapters.WeChat;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Hosting.WeChat;

/// <summary>Maps the WeChat callback URL.</summary>
public static class WeChatEndpoints
{
    public const string Route = "/api/wechat";

    /// <summary>The load benchmark's reference endpoint (see docs/PERFORMANCE.md).</summary>
    public const string BaselineRoute = "/api/wechat/baseline";

    /// <summary>Setting that maps <see cref="BaselineRoute"/>; off unless set to true.</summary>
    public const string BaselineSetting = "WeChat:BaselineEndpoint";

    /// <summary>The constant passive reply of the baseline endpoint.</summary>
    public const string BaselineReply = "收到";

    /// <summary>
    /// GET (URL verification) and POST (messages) at <paramref name="route"/>, handled by the
    /// <see cref="WeChatCallbackHandler"/> of the account registered under <paramref name="account"/> (null: the
    /// default account at <c>/api/wechat</c>) with the registered <see cref="IBot"/>.
    /// </summary>
    public static RouteHandlerBuilder MapWeChat(this IEndpointRouteBuilder endpoints, string route = Route, string? account = null)
    {
        if (account is null && endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(BaselineSetting))
        {
            // Same signature check, body cap, replay cache and XML parse as the real callback, a constant reply
            // and no turn: what the full path is compared against. Never enable it in production.
            endpoints.MapPost(BaselineRoute, (HttpContext http, WeChatBaselineHandler baseline) =>
                    baseline.HandleAsync(http.Request, http.Response, BaselineReply, http.RequestAborted))
                .DisableAntiforgery()
                .WithName("WeChatBaseline");
        }
        return endpoints.MapMethods(route, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, IBot bot) =>
                Handler(http.RequestServices, account).HandleAsync(http.Request, http.Response, bot, http.RequestAborted))
            .DisableAntiforgery()
            .WithName(account is null ? "WeChatCallback" : "WeChatCallback:" + account);
    }

    /// <summary>The default account at <c>/api/wechat</c> and every account of <c>WeChat:Accounts</c> at <c>/api/wechat/{name}</c>.</summary>
    public static IEndpointRouteBuilder MapWeChatAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWeChat();
        foreach (var name in WeChatServiceCollectionExtensions.ConfiguredAccounts(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
            endpoints.MapWeChat(Route + "/" + name, name);
        return endpoints;
    }

    private static WeChatCallbackHandler Handler(IServiceProvider services, string? account) => account is null
        ? services.GetRequiredService<WeChatCallbackHandler>()
        : services.GetRequiredKeyedService<WeChatCallbackHandler>(account);
}
