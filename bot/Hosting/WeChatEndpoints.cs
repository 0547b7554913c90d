using ChatAssistant.Adapters.WeChat;
using Microsoft.Bot.Builder;

namespace ChatAssistant.Hosting;

/// <summary>Maps the WeChat callback URL.</summary>
public static class WeChatEndpoints
{
    public const string Route = "/api/wechat";

    /// <summary>GET (URL verification) and POST (messages) at <c>/api/wechat</c>, handled by <see cref="WeChatAdapter"/> with the registered <see cref="IBot"/>.</summary>
    public static RouteHandlerBuilder MapWeChat(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, WeChatAdapter adapter, IBot bot) => adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted))
            .DisableAntiforgery()
            .WithName("WeChatCallback");
}
