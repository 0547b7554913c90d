using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The WeChat API calls the channel makes, with the shared access token: on 40001/40014/42001 the token is
/// refreshed once (single flight) and the call repeated once — WeChat refused it, so nothing was delivered.
/// Quota and window rules are not applied here; <see cref="WeChatMessenger"/> does that.
/// </summary>
public class WeChatApi([FromKeyedServices] WeChatApiClient client, [FromKeyedServices] WeChatAccessTokens tokens, [FromKeyedServices] WeChatAccount account)
{
    /// <summary>POST /cgi-bin/message/custom/send (text); for a WeCom app /cgi-bin/message/send to the member's user id.</summary>
    public virtual Task<WeChatApiResult> SendCustomTextAsync(string openId, string text, CancellationToken cancellationToken) =>
        account.Kind == WeChatAccountKind.WeComApp
            ? CallAsync("cgi-bin/message/send", new { touser = openId, msgtype = "text", agentid = AgentIdNumber, text = new { content = text } }, cancellationToken)
            : CallAsync("cgi-bin/message/custom/send", new { touser = openId, msgtype = "text", text = new { content = text } }, cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> with the shared token (refreshed once when refused), for
    /// calls the channel's own code composes (a WeCom app's template cards).
    /// </summary>
    public virtual Task<WeChatApiResult> CallApiAsync(string path, object body, CancellationToken cancellationToken) =>
        CallAsync(path, body, cancellationToken);

    /// <summary>A WeCom app's AgentId as the number its API calls carry (0 for an Official Account).</summary>
    public long AgentIdNumber => long.TryParse(account.AgentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>POST /cgi-bin/message/template/send.</summary>
    public virtual Task<WeChatApiResult> SendTemplateAsync(WeChatTemplateMessage message, CancellationToken cancellationToken) =>
        CallAsync("cgi-bin/message/template/send", new
        {
            touser = message.OpenId,
            template_id = message.TemplateId,
            url = message.Url,
            data = message.Data.ToDictionary(p => p.Key, p => new { value = p.Value }),
        }, cancellationToken);

    /// <summary>POST /cgi-bin/menu/create with the menu JSON (an object with a <c>button</c> array).</summary>
    public virtual Task<WeChatApiResult> CreateMenuAsync(System.Text.Json.JsonElement menu, CancellationToken cancellationToken) =>
        CallAsync("cgi-bin/menu/create", menu, cancellationToken);

    /// <summary>
    /// POST /cgi-bin/qrcode/create: a temporary parametric QR code (<c>QR_STR_SCENE</c>) whose scan sends a SCAN or
    /// subscribe event with <paramref name="scene"/> (at most 64 characters), valid for <paramref name="lifetime"/>.
    /// </summary>
    public virtual Task<WeChatQrCode> CreateTemporaryQrCodeAsync(string scene, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scene);
        var body = new
        {
            expire_seconds = (int)Math.Ceiling(lifetime.TotalSeconds),
            action_name = "QR_STR_SCENE",
            action_info = new { scene = new { scene_str = scene } },
        };
        return CallAsync("cgi-bin/qrcode/create", body, (code, reason) => new WeChatQrCode(null, 0, null, code, reason), r => r.Result, cancellationToken);
    }

    private Task<WeChatApiResult> CallAsync(string path, object body, CancellationToken cancellationToken) =>
        CallAsync(path, body, (code, reason) => new WeChatApiResult(code, reason), r => r, cancellationToken);

    /// <summary>
    /// <see cref="CallApiAsync(string, object, CancellationToken)"/> for an answer with more than <c>errcode</c>:
    /// <paramref name="failed"/> makes the answer of a call that got none, <paramref name="status"/> reads its code.
    /// </summary>
    public virtual Task<T> CallApiAsync<T>(string path, object body, Func<int, string, T> failed, Func<T, WeChatApiResult> status, CancellationToken cancellationToken) =>
        CallAsync(path, body, failed, status, cancellationToken);

    private async Task<T> CallAsync<T>(string path, object body, Func<int, string, T> failed, Func<T, WeChatApiResult> status, CancellationToken cancellationToken)
    {
        if (!account.Options.CanCallApi) return failed(WeChatApiResult.NotConfigured, "WeChat:AppId or WeChat:AppSecret is not set");
        var token = await tokens.GetAsync(null, cancellationToken).ConfigureAwait(false);
        if (token is null) return failed(WeChatApiResult.Unreachable, "no access token");
        var result = await client.PostAsync(path, body, token, failed, cancellationToken).ConfigureAwait(false);
        if (!status(result).IsTokenError) return result;
        token = await tokens.GetAsync(token, cancellationToken).ConfigureAwait(false);
        if (token is null) return result;
        return await client.PostAsync(path, body, token, failed, cancellationToken).ConfigureAwait(false);
    }
}
