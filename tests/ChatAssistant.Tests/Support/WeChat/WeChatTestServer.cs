using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Hosting;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>
/// A real Kestrel server on 127.0.0.1:0 with the channel registered exactly as the host does
/// (<c>AddWeChatChannel</c> + <c>MapWeChat</c>), a real LiteDB file, the fake WeChat API, and a
/// <see cref="ScriptedBot"/> so a test can make turns slow, chatty or long.
/// </summary>
public sealed class WeChatTestServer : IAsyncDisposable
{
    public const string Token = "chatassistant";
    public const string AppId = "wx0123456789abcdef";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly WebApplication _app;
    private readonly string _dataFile;

    private WeChatTestServer(WebApplication app, string dataFile, FakeWeChatApi api, ScriptedBot bot, TimeProvider time)
    {
        _app = app;
        _dataFile = dataFile;
        Api = api;
        Bot = bot;
        Requests = new WeChatRequestBuilder(Token, AppId, AesKey, time);
    }

    public FakeWeChatApi Api { get; }
    public ScriptedBot Bot { get; }
    public WeChatRequestBuilder Requests { get; }
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _app.Services;
    public IUndeliveredMessageStore Undelivered => Services.GetRequiredService<IUndeliveredMessageStore>();

    public static async Task<WeChatTestServer> StartAsync(IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var api = await FakeWeChatApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = "secret",
            ["WeChat:EncodingAESKey"] = AesKey,
            ["WeChat:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["WeChat:ReplyDeadline"] = "00:00:01",
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var dataFile = Path.Combine(Path.GetTempPath(), $"wechat-test-{Guid.NewGuid():N}.db");
        builder.Services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase($"Filename={dataFile};Connection=Direct"));
        builder.Services.AddSingleton(time);
        var bot = new ScriptedBot();
        builder.Services.AddSingleton<IBot>(bot);
        builder.Services.AddWeChatChannel(builder.Configuration);
        var app = builder.Build();
        app.MapWeChat();
        await app.StartAsync();
        var server = new WeChatTestServer(app, dataFile, api, bot, time);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return server;
    }

    /// <summary>Waits until every delivery that outlived its request has finished.</summary>
    public Task DrainAsync() => Services.GetRequiredService<WeChatBackgroundWork>().DrainAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Api.DisposeAsync();
        try { File.Delete(_dataFile); } catch (IOException) { }
    }
}
