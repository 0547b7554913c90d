using System.Collections.Frozen;
using ChatAssistant.Adapters.Web;
using ChatAssistant.Conversation.Time;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ChatAssistant.WebChat;

/// <summary>
/// The web chat: a page at <c>/</c> (HTML, script and stylesheet embedded in the assembly, served with a strict
/// Content-Security-Policy) and two JSON endpoints — <c>POST /api/webchat/messages</c> runs one message's turn and
/// answers with what the bot said, <c>GET /api/webchat/inbox</c> hands over what staff sent since. The visitor is
/// the signed cookie's (<see cref="WebChatVisitor"/>). When the chat is off, <c>/</c> says the server runs and the
/// API answers 404.
/// </summary>
public static class WebChatEndpoints
{
    private const string Assets = "/chat/";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Files = new Dictionary<string, (string, string)>
    {
        [""] = ("webchat/index.html", "text/html; charset=utf-8"),
        ["app.js"] = ("webchat/app.js", "text/javascript; charset=utf-8"),
        ["app.css"] = ("webchat/app.css", "text/css; charset=utf-8"),
    }.ToFrozenDictionary();

    public sealed record MessageRequest(string? Text);

    public sealed record MessageResponse(IReadOnlyList<string> Replies);

    public sealed record ErrorResponse(string Error);

    /// <summary>Whether the chat is on: the setting when given, else on in Development or without a WeChat account.</summary>
    public static bool IsEnabled(IServiceProvider services)
    {
        // Read from configuration, not the options: a bad setting is reported by the start-up's validation with the
        // others, not thrown while endpoints are mapped.
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration.GetValue<bool?>(WebChatOptions.Section + ":" + nameof(WebChatOptions.Enabled)) is { } explicitly) return explicitly;
        return services.GetRequiredService<IHostEnvironment>().IsDevelopment() || !Adapters.WeChat.WeChatOptions.AnyAccountIn(configuration);
    }

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        if (!IsEnabled(endpoints.ServiceProvider))
        {
            endpoints.MapGet("/", () => Results.Text("ChatAssistant 团团小助手 is running. WeChat callback: /api/wechat, health: /healthz", "text/plain; charset=utf-8"));
            return endpoints;
        }
        var contents = Files.ToFrozenDictionary(f => f.Key, f => (Bytes: Read(f.Value.Resource), f.Value.ContentType));
        endpoints.MapGet("/", (HttpContext http, WebChatVisitor visitor) =>
        {
            visitor.ReadOrIssue(http); // the cookie comes with the page, so the first message already has it
            return Serve(http, contents[""]);
        });
        endpoints.MapGet(Assets + "{file}", (string file, HttpContext http) =>
            file.Length > 0 && contents.TryGetValue(file, out var content) ? Serve(http, content) : Results.NotFound());
        endpoints.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask for it; there is none
        endpoints.MapPost("/api/webchat/messages", SendAsync);
        endpoints.MapGet("/api/webchat/inbox", async (HttpContext http, WebChatVisitor visitor, WebChatInbox inbox, CancellationToken ct) =>
            visitor.Read(http.Request) is { } id
                ? Results.Json(new MessageResponse(await inbox.TakeAsync(id, ct)))
                : Results.Json(new MessageResponse([])));
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        HttpContext http, MessageRequest? request, WebChatVisitor visitor, WebChatRateLimit limit, WebChatAdapter adapter,
        IBot bot, AssistantClock clock, IOptions<WebChatOptions> options)
    {
        var text = request?.Text?.Trim() ?? "";
        if (text.Length == 0) return Results.BadRequest(new ErrorResponse(WebChatTexts.Empty));
        var max = options.Value.MaxLength;
        if (text.Length > max) return Results.BadRequest(new ErrorResponse(WebChatTexts.TooLong(max)));
        var id = visitor.ReadOrIssue(http);
        if (!await limit.TryAdmitAsync(id, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted))
            return Results.Json(new ErrorResponse(WebChatTexts.TooFast), statusCode: StatusCodes.Status429TooManyRequests);
        // The turn finishes even when the page goes away (its state is saved at the end), within a bound.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        ChatAssistant.Adapters.Telemetry.AssistantTelemetry.Message("web", ChatAssistant.Adapters.Web.WebChatAdapter.ChannelId);
        var replies = await adapter.RunTurnAsync(WebChatAdapter.Message(id, text, clock.Now), bot.OnTurnAsync, bound.Token);
        return replies.Count == 0 && bound.IsCancellationRequested
            ? Results.Json(new ErrorResponse(WebChatTexts.Unavailable), statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new MessageResponse(replies));
    }

    private static IResult Serve(HttpContext http, (byte[] Bytes, string ContentType) file) =>
        Hosting.EmbeddedPage.Serve(http, file.Bytes, file.ContentType, StaffConsole.StaffConsolePage.ContentSecurityPolicy);

    private static byte[] Read(string resource) => Hosting.EmbeddedPage.Read(resource);
}
