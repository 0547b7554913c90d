using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Adapters.WeChat;

/// <summary>
/// Thin HTTP wrapper over the WeChat API (virtual so tests and demos can substitute it). Calls here take
/// the access token explicitly; <see cref="WeChatApi"/> adds token handling. HttpClients come from
/// IHttpClientFactory with the standard resilience handler (timeouts; retries only for the token GET,
/// because a timed-out send may have been delivered and a repeat would reach the user twice).
/// </summary>
public class WeChatApiClient(IHttpClientFactory httpClients, [FromKeyedServices] WeChatAccount account, ILogger<WeChatApiClient> logger)
{
    public const string HttpClientName = "wechat-api";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private HttpClient Http => httpClients.CreateClient(HttpClientName);

    private Uri Base => new(account.Options.ApiBaseUrl.TrimEnd('/') + "/");

    /// <summary>GET /cgi-bin/token with the AppId and AppSecret (a WeCom app: /cgi-bin/gettoken with the CorpID and the app's Secret).</summary>
    public virtual async Task<WeChatTokenResponse> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var o = account.Options;
        var uri = account.Kind == WeChatAccountKind.WeComApp
            ? new Uri(Base, $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(o.AppId ?? "")}&corpsecret={Uri.EscapeDataString(o.AppSecret ?? "")}")
            : new Uri(Base, $"cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(o.AppId ?? "")}&secret={Uri.EscapeDataString(o.AppSecret ?? "")}");
        try
        {
            using var response = await Http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<WeChatTokenResponse>(Json, cancellationToken).ConfigureAwait(false)
                ?? new WeChatTokenResponse(null, 0, WeChatApiResult.Unreachable, "empty answer");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "WeChat token request failed");
            return new WeChatTokenResponse(null, 0, WeChatApiResult.Unreachable, e.GetType().Name);
        }
    }

    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/> with the access token.</summary>
    public virtual Task<WeChatApiResult> PostAsync(string path, object body, string accessToken, CancellationToken cancellationToken) =>
        PostAsync(path, body, accessToken, (code, reason) => new WeChatApiResult(code, reason), cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON and reads WeChat's answer as <typeparamref name="T"/> (an answer that
    /// carries <c>errcode</c>); <paramref name="failed"/> makes the answer for a call that got none.
    /// </summary>
    public virtual async Task<T> PostAsync<T>(string path, object body, string accessToken, Func<int, string, T> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var uri = new Uri(Base, $"{path.TrimStart('/')}?access_token={Uri.EscapeDataString(accessToken)}");
        try
        {
            using var response = await Http.PostAsJsonAsync(uri, body, Json, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false)
                ?? failed(WeChatApiResult.Unreachable, "empty answer");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "WeChat API call {Path} failed", path);
            return failed(WeChatApiResult.Unreachable, e.GetType().Name);
        }
    }
}
