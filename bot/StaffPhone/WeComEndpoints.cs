using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeCom;

namespace ChatAssistant.StaffPhone;

/// <summary>Maps the WeCom app's callback URL (GET URL check, POST messages and card button presses).</summary>
public static class WeComEndpoints
{
    public const string Route = "/api/wecom";

    public static RouteHandlerBuilder MapWeCom(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Route, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, WeComStaffBot bot) =>
                http.RequestServices.GetRequiredKeyedService<WeChatCallbackHandler>(WeComOptions.AccountName)
                    .HandleAsync(http.Request, http.Response, bot, http.RequestAborted))
            .DisableAntiforgery()
            .WithName("WeComCallback");
}
