using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeCom.Fake;

/// <summary>
/// A small stand-in for the WeCom API on Kestrel at 127.0.0.1: <c>cgi-bin/gettoken</c> (corpid + corpsecret),
/// <c>cgi-bin/message/send</c> (text and template cards; a card with a button gets a <c>response_code</c>) and
/// <c>cgi-bin/message/update_template_card</c> (a response code works once). It records what it receives. Tests use it,
/// and so does a demo (<c>dotnet run --project bot -- wecom fake-api</c>).
/// </summary>
public sealed class FakeWeComApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWeComCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new(); // token → corpid
    private readonly ConcurrentDictionary<string, bool> _responseCodes = new(); // issued, not yet used
    private int _tokenRequests;

    private FakeWeComApi(WebApplication app) => _app = app;

    /// <summary>Where the fake listens — use it as <c>WeCom:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<FakeWeComCall> Calls => _calls.ToArray();

    /// <summary>Cancelled when the fake stops (Ctrl+C / SIGTERM included).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Accepted template cards sent to <paramref name="userId"/>, in arrival order.</summary>
    public IReadOnlyList<FakeWeComCall> CardsTo(string userId) =>
        Calls.Where(c => c.MsgType == "template_card" && c.ErrCode == 0 && c.Users.Contains(userId)).ToList();

    /// <summary>Accepted texts sent to <paramref name="userId"/>, in arrival order.</summary>
    public IReadOnlyList<string> TextsTo(string userId) =>
        Calls.Where(c => c.MsgType == "text" && c.ErrCode == 0 && c.Users.Contains(userId)).Select(c => c.Text ?? "").ToList();

    /// <summary>Accepted card updates.</summary>
    public IReadOnlyList<FakeWeComCall> CardUpdates => Calls.Where(c => c.Path.EndsWith("update_template_card", StringComparison.Ordinal) && c.ErrCode == 0).ToList();

    /// <summary>Makes every issued token invalid (42001), as when it expired.</summary>
    public void ExpireTokens() => _tokens.Clear();

    /// <summary>Waits (real time) until <paramref name="found"/> gives something, or <paramref name="timeout"/> passes.</summary>
    public static async Task<T?> WaitForAsync<T>(Func<T?> found, TimeSpan timeout) where T : class
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (found() is { } value) return value;
            if (DateTime.UtcNow > until) return null;
            await Task.Delay(25).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the fake on 127.0.0.1 (port 0 = any free port).</summary>
    public static async Task<FakeWeComApi> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fake = new FakeWeComApi(app);
        app.MapGet("/cgi-bin/gettoken", (HttpRequest r) => fake.IssueToken(r));
        app.MapPost("/cgi-bin/message/send", (HttpRequest r) => fake.SendAsync(r));
        app.MapPost("/cgi-bin/message/update_template_card", (HttpRequest r) => fake.UpdateAsync(r));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    private IResult IssueToken(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        var corpId = request.Query["corpid"].FirstOrDefault();
        var secret = request.Query["corpsecret"].FirstOrDefault();
        _calls.Enqueue(new FakeWeComCall(request.Path, null, default, string.IsNullOrEmpty(corpId) || string.IsNullOrEmpty(secret) ? 40013 : 0, DateTimeOffset.UtcNow));
        if (string.IsNullOrEmpty(corpId) || string.IsNullOrEmpty(secret)) return Results.Json(new { errcode = 40013, errmsg = "invalid corpid" });
        var token = $"fake-wecom-token-{Guid.NewGuid():N}";
        _tokens[token] = corpId;
        return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        var (token, body) = await ReadAsync(request).ConfigureAwait(false);
        var code = token is not null && _tokens.ContainsKey(token) ? 0 : 42001;
        _calls.Enqueue(new FakeWeComCall(request.Path, token, body, code, DateTimeOffset.UtcNow));
        if (code != 0) return Results.Json(new { errcode = code, errmsg = "access_token expired" });
        if (body.TryGetProperty("msgtype", out var type) && type.GetString() == "template_card")
        {
            var responseCode = $"fake-rc-{Guid.NewGuid():N}";
            _responseCodes[responseCode] = true;
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = Guid.NewGuid().ToString("N"), response_code = responseCode });
        }
        return Results.Json(new { errcode = 0, errmsg = "ok", msgid = Guid.NewGuid().ToString("N") });
    }

    /// <summary>A response code as WeCom puts in a button press's callback (for tests that press a button).</summary>
    public string IssueResponseCode()
    {
        var code = $"fake-rc-{Guid.NewGuid():N}";
        _responseCodes[code] = true;
        return code;
    }

    private async Task<IResult> UpdateAsync(HttpRequest request)
    {
        var (token, body) = await ReadAsync(request).ConfigureAwait(false);
        var responseCode = body.TryGetProperty("response_code", out var r) ? r.GetString() ?? "" : "";
        var code = token is null || !_tokens.ContainsKey(token) ? 42001 : _responseCodes.TryRemove(responseCode, out _) ? 0 : 40116; // used or unknown
        _calls.Enqueue(new FakeWeComCall(request.Path, token, body, code, DateTimeOffset.UtcNow));
        return Results.Json(new { errcode = code, errmsg = code == 0 ? "ok" : "refused by the fake" });
    }

    private static async Task<(string? Token, JsonElement Body)> ReadAsync(HttpRequest request)
    {
        var token = request.Query["access_token"].FirstOrDefault();
        using var doc = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        return (token, doc.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
