using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// The WeChat API calls the channel makes, with the shared access token: on 40001/40014/42001 the token is
/// refreshed once (single flight) and the call repeated once — WeChat refused it, so nothing was delivered.
/// Quota and window rules are not applied here; <see cref="WeChatMessenger"/> does that.
/// </summary>
public class WeChatApi([FromKeyedServices] WeChatApiClient client, [FromKeyedServices] WeChatAccessTokens tokens, [FromKeyedServices] WeChatAccount account)
{
    /// <summary>POST /cgi-bin/message/custom/send (text).</summary>
    public virtual Task<WeChatApiResult> SendCustomTextAsync(string openId, string text, CancellationToken cancellationToken) =>
        CallAsync("cgi-bin/message/custom/send", new { touser = openId, msgtype = "text", text = new { content = text } }, cancellationToken);

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
