using ChatAssistant.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// The real assistant on Kestrel at 127.0.0.1 on a free port, with its own LiteDB folder. Tests talk to it
/// over real HTTP. Settings and services can be overridden (e.g. a fake clock).
/// </summary>
public sealed class AssistantServer : IAsyncDisposable
{
    private readonly TempDirectory? _ownedData;

    private AssistantServer(WebApplication app, string dataDirectory, TempDirectory? ownedData, CapturedLogs logs)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedData = ownedData;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>Everything the server logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>
    /// Starts a server. <paramref name="dataDirectory"/> reuses a folder (e.g. to restart over the same data);
    /// otherwise a temp folder is made and deleted on dispose. <paramref name="endpoints"/> maps more endpoints
    /// beside the assistant's own (e.g. a second WeChat account's callback).
    /// </summary>
    public static async Task<AssistantServer> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? dataDirectory = null,
        Action<WebApplication>? endpoints = null)
    {
        var owned = dataDirectory is null ? new TempDirectory("ca-server") : null;
        var data = dataDirectory ?? owned!.Path;
        var logs = new CapturedLogs();
        // No daily summary alert unless a test asks for one: it would appear in every admin's alerts after 08:00.
        var all = new Dictionary<string, string?> { ["Storage:DataDirectory"] = data, ["Operations:DailySummaryAt"] = "" };
        foreach (var pair in settings ?? new Dictionary<string, string?>()) all[pair.Key] = pair.Value;
        var app = AppHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        }, all);
        try
        {
            endpoints?.Invoke(app);
            app.Services.ValidateOptions(); // as the server's command line does: every bad setting in one exception
            await app.StartAsync();
            // Tests configure a running redis-server: on a loaded machine the first handshake can outlast the
            // bot's 2 s connect timeout, so wait for the background reconnect rather than answer "busy".
            if (app.Services.GetRequiredService<IOptions<ChatAssistant.Storage.RedisOptions>>().Value.UsesRedis)
            {
                var redis = app.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
                for (var waited = 0; !redis.IsConnected && waited < 20_000; waited += 20) await Task.Delay(20);
            }
        }
        catch
        {
            await app.DisposeAsync();
            owned?.Dispose();
            throw;
        }
        return new AssistantServer(app, data, owned, logs);
    }

    /// <summary>An HttpClient for this server; with <paramref name="cookies"/> it keeps a cookie jar like a browser.</summary>
    public HttpClient CreateClient(bool cookies = true) => CreateClient(cookies ? new System.Net.CookieContainer() : null);

    /// <summary>An HttpClient for this server keeping its cookies in <paramref name="jar"/> (none when null).</summary>
    public HttpClient CreateClient(System.Net.CookieContainer? jar) =>
        new(new HttpClientHandler { UseCookies = jar is not null, CookieContainer = jar ?? new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(); }
        finally
        {
            await App.DisposeAsync();
            _ownedData?.Dispose();
        }
    }
}
