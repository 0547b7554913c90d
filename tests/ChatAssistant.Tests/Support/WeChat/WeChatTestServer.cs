using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>
/// The real assistant (<see cref="AssistantServer"/>: Kestrel on 127.0.0.1:0, real LiteDB) configured for
/// WeChat against a <see cref="FakeWeChatApi"/>. With <c>scripted: true</c> the bot is replaced by a
/// <see cref="ScriptedBot"/> so a test can make turns slow, chatty or long; otherwise the real ChatBot answers.
/// The account is set to compatible mode (<c>WeChat:Mode</c>), so a test can post a request in any form; tests of
/// the modes themselves override it.
/// </summary>
public sealed class WeChatTestServer : IAsyncDisposable
{
    public const string Token = "chatassistant";
    public const string AppId = "wx0123456789abcdef";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary>Identity:CodeSecret, required once WeChat:Token is set (base64 of 32 bytes).</summary>
    public const string CodeSecret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly bool _ownsApi;

    private WeChatTestServer(AssistantServer server, FakeWeChatApi api, bool ownsApi, ScriptedBot? bot, TimeProvider time)
    {
        _ownsApi = ownsApi;
        Server = server;
        Api = api;
        Bot = bot;
        Time = time;
        Requests = new WeChatRequestBuilder(Token, AppId, AesKey, time);
        Client = server.CreateClient(cookies: false);
    }

    public AssistantServer Server { get; }
    public FakeWeChatApi Api { get; }
    /// <summary>The clock the server and the signed timestamps share.</summary>
    public TimeProvider Time { get; }
    public ScriptedBot? Bot { get; }
    public ScriptedBot Scripted => Bot ?? throw new InvalidOperationException("Started without a scripted bot");
    public WeChatRequestBuilder Requests { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => Server.Services;
    public IUndeliveredMessageStore Undelivered => Services.GetRequiredService<IUndeliveredMessageStore>();

    /// <summary>
    /// Starts a server; pass <paramref name="sharedApi"/> to let several servers (instances) use one fake API, and
    /// <paramref name="dataDirectory"/> to reuse a records folder (e.g. one a test filled first). An override with a
    /// null value unsets a setting. <paramref name="services"/> and <paramref name="endpoints"/> add registrations and
    /// routes (a second account).
    /// </summary>
    public static async Task<WeChatTestServer> StartAsync(
        bool scripted = true, IDictionary<string, string?>? overrides = null, TimeProvider? time = null, FakeWeChatApi? sharedApi = null,
        string? dataDirectory = null, Action<IServiceCollection>? services = null, Action<Microsoft.AspNetCore.Builder.WebApplication>? endpoints = null)
    {
        var api = sharedApi ?? await FakeWeChatApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = Token,
            ["Identity:CodeSecret"] = CodeSecret,
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = "secret",
            ["WeChat:EncodingAESKey"] = AesKey,
            ["WeChat:Mode"] = "compatible",
            ["WeChat:ApiBaseUrl"] = api.BaseAddress.ToString(),
            ["WeChat:ReplyDeadline"] = "00:00:04", // production default: robust on a busy machine
            // A WeChat account needs the field key from configuration (a throw-away one per server).
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var bot = scripted ? new ScriptedBot() : null;
        try
        {
            var server = await AssistantServer.StartAsync(settings, registrations =>
            {
                if (bot is not null) registrations.AddSingleton<IBot>(bot);
                if (time is not null) registrations.AddSingleton(time);
                services?.Invoke(registrations);
            }, dataDirectory, endpoints);
            return new WeChatTestServer(server, api, sharedApi is null, bot, time ?? TimeProvider.System);
        }
        catch
        {
            if (sharedApi is null) await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts <paramref name="xml"/> in <paramref name="mode"/>; returns status and body.</summary>
    public async Task<(int Status, string Body)> PostAsync(string xml, WeChatMode mode = WeChatMode.Plain)
    {
        using var response = await Client.SendAsync(Requests.Post(xml, mode));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Sends <paramref name="text"/> from <paramref name="openId"/> in safe mode on a connection of its own (many users
    /// at once, a busy machine: a fake clock never fires the reply deadline, so the request may stay open for minutes)
    /// and returns the passive reply's text, "" for <c>success</c>.
    /// </summary>
    public async Task<string> SayAsync(string openId, string text, long msgId)
    {
        var xml = WeChatRequestBuilder.Text(openId, text, msgId, createTime: Time.GetUtcNow().ToUnixTimeSeconds());
        using var client = Server.CreateClient(cookies: false);
        client.Timeout = TimeSpan.FromMinutes(3);
        using var response = await client.SendAsync(Requests.Post(xml, WeChatMode.Safe));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        return body == "success" ? "" : Requests.ReadReply(body)["Content"];
    }

    /// <summary>Waits until every delivery that outlived its request has finished.</summary>
    public Task DrainAsync() => Services.GetRequiredService<WeChatBackgroundWork>().DrainAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        if (_ownsApi) await Api.DisposeAsync();
    }
}
