using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Adapters.WeChat.Fake;

/// <summary>
/// A small stand-in for the WeChat API (token, customer-service send, template send, menu create, temporary
/// parametric QR codes) on
/// Kestrel at 127.0.0.1. It records what it receives and can be told to refuse a user with an error code
/// (45015, 45047…) or to expire the current token (40001). Tests use it, and so does a local demo
/// (<c>dotnet run --project bot -- wechat fake-api</c>) — which is why it lives here and not in the tests.
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWeChatCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly ConcurrentDictionary<string, string> _validTokens = new(); // token → the AppId it was issued to
    private readonly ConcurrentDictionary<string, string> _scenes = new();
    private int _tokensIssued;
    private int _tokenRequests;
    private int _tokenRefusal;

    private FakeWeChatApi(WebApplication app) => _app = app;

    /// <summary>Where the fake listens, e.g. http://127.0.0.1:43210 — use it as <c>WeChat:ApiBaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<FakeWeChatCall> Calls => _calls.ToArray();

    /// <summary>Cancelled when the fake stops (including Ctrl+C / SIGTERM, which its host handles).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Token requests received, issued or refused.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Every token request is refused with <paramref name="errCode"/> (e.g. 40164, IP not whitelisted); 0 issues tokens again.</summary>
    public void RefuseTokens(int errCode) => Volatile.Write(ref _tokenRefusal, errCode);

    /// <summary>Successful customer-service texts to <paramref name="openId"/>, in arrival order.</summary>
    public IReadOnlyList<string> TextsTo(string openId) =>
        Calls.Where(c => c.Path.EndsWith("custom/send", StringComparison.Ordinal) && c.ToUser == openId && c.ErrCode == 0)
             .Select(c => c.Text ?? "").ToList();

    /// <summary>The scene of a QR code the fake made (null for a ticket it never issued): what a scan of it sends.</summary>
    public string? SceneOf(string ticket) => _scenes.GetValueOrDefault(ticket);

    /// <summary>How many temporary QR codes the fake has made (successful qrcode/create calls).</summary>
    public int QrCodesCreated => Calls.Count(c => c.Path.EndsWith("qrcode/create", StringComparison.Ordinal) && c.ErrCode == 0);

    /// <summary>Every send to <paramref name="openId"/> will be refused with <paramref name="errCode"/> (0 clears it).</summary>
    public void FailFor(string openId, int errCode)
    {
        if (errCode == 0) _failures.TryRemove(openId, out _); else _failures[openId] = errCode;
    }

    /// <summary>Makes every issued token invalid, as when another server fetched a new one.</summary>
    public void ExpireTokens() => _validTokens.Clear();

    /// <summary>Waits until at least <paramref name="count"/> calls match <paramref name="match"/>.</summary>
    public async Task<IReadOnlyList<FakeWeChatCall>> WaitForAsync(Func<FakeWeChatCall, bool> match, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Calls.Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > until) return found;
            await Task.Delay(25).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the fake on 127.0.0.1 (port 0 = any free port).</summary>
    public static async Task<FakeWeChatApi> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fake = new FakeWeChatApi(app);
        app.MapGet("/cgi-bin/token", (HttpRequest r) => fake.IssueToken(r.Query["appid"].FirstOrDefault()));
        app.MapPost("/cgi-bin/stable_token", async (HttpRequest r) =>
        {
            using var doc = await JsonDocument.ParseAsync(r.Body).ConfigureAwait(false);
            return fake.IssueToken(doc.RootElement.TryGetProperty("appid", out var appId) ? appId.GetString() : null);
        });
        app.MapPost("/cgi-bin/message/custom/send", (HttpRequest r) => fake.RecordAsync(r, perUser: true));
        app.MapPost("/cgi-bin/message/template/send", (HttpRequest r) => fake.RecordAsync(r, perUser: true));
        app.MapPost("/cgi-bin/menu/create", (HttpRequest r) => fake.RecordAsync(r, perUser: false));
        app.MapPost("/cgi-bin/qrcode/create", (HttpRequest r) => fake.CreateQrCodeAsync(r));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address);
        return fake;
    }

    /// <summary>The AppId the token was issued to (null for a token the fake never issued).</summary>
    public string? AppIdOfToken(string? token) => token is not null && _validTokens.TryGetValue(token, out var appId) ? appId : null;

    private IResult IssueToken(string? appId)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (Volatile.Read(ref _tokenRefusal) is var refusal and not 0) return Results.Json(new { errcode = refusal, errmsg = "refused by the fake" });
        var n = Interlocked.Increment(ref _tokensIssued);
        var token = $"fake-token-{n}-{Guid.NewGuid():N}";
        _validTokens[token] = appId ?? "";
        return Results.Json(new { access_token = token, expires_in = 7200 });
    }

    private async Task<IResult> RecordAsync(HttpRequest request, bool perUser)
    {
        var token = request.Query["access_token"].FirstOrDefault();
        using var doc = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        var body = doc.RootElement.Clone();
        var code = token is null || !_validTokens.ContainsKey(token) ? 40001 : 0;
        if (code == 0 && perUser && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("touser", out var user)
            && _failures.TryGetValue(user.GetString() ?? "", out var refused)) code = refused;
        _calls.Enqueue(new FakeWeChatCall(request.Path, token, body, code, DateTimeOffset.UtcNow));
        return Results.Json(new { errcode = code, errmsg = code == 0 ? "ok" : "refused by the fake" });
    }

    // Like WeChat: a temporary string scene of 1–64 characters, at most 30 days (60 s when not given); 40001 for a
    // stale token, 40097 (invalid arguments) for anything else it would refuse. The url is what the code encodes.
    private async Task<IResult> CreateQrCodeAsync(HttpRequest request)
    {
        var token = request.Query["access_token"].FirstOrDefault();
        using var doc = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
        var body = doc.RootElement.Clone();
        var scene = body.TryGetProperty("action_info", out var info) && info.TryGetProperty("scene", out var s)
            && s.TryGetProperty("scene_str", out var str) ? str.GetString() : null;
        var seconds = body.TryGetProperty("expire_seconds", out var e) && e.TryGetInt32(out var given) ? given : 60;
        var valid = body.TryGetProperty("action_name", out var action) && action.GetString() == "QR_STR_SCENE"
            && scene is { Length: >= 1 and <= 64 } && seconds is >= 1 and <= 2_592_000;
        var code = token is null || !_validTokens.ContainsKey(token) ? 40001 : valid ? 0 : 40097;
        _calls.Enqueue(new FakeWeChatCall(request.Path, token, body, code, DateTimeOffset.UtcNow));
        if (code != 0) return Results.Json(new { errcode = code, errmsg = "refused by the fake" });
        var ticket = $"gQFake{Guid.NewGuid():N}";
        _scenes[ticket] = scene!;
        return Results.Json(new { ticket, expire_seconds = seconds, url = $"http://weixin.qq.com/q/fake{ticket[6..22]}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
