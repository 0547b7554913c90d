using ChatAssistant.Adapters.WeChat;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Hosting;

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

    /// <summary>GET (URL verification) and POST (messages) at <c>/api/wechat</c>, handled by <see cref="WeChatAdapter"/> with the registered <see cref="IBot"/>.</summary>
    public static RouteHandlerBuilder MapWeChat(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(BaselineSetting))
        {
            // Same signature check, body cap, replay cache and XML parse as the real callback, a constant reply
            // and no turn: what the full path is compared against. Never enable it in production.
            endpoints.MapPost(BaselineRoute, (HttpContext http, WeChatAdapter adapter) =>
                    adapter.ProcessBaselineAsync(http.Request, http.Response, BaselineReply, http.RequestAborted))
                .DisableAntiforgery()
                .WithName("WeChatBaseline");
        }
        return endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, WeChatAdapter adapter, IBot bot) => adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted))
            .DisableAntiforgery()
            .WithName("WeChatCallback");
    }
}
