using ChatAssistant.Adapters;
using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Security;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Disputes;
using ChatAssistant.Hosting.WeChat;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>
/// The WeChat API side without the web host: real DI registrations (<c>AddWeChatApi</c>), the fake API on
/// Kestrel, a real LiteDB file for undelivered messages. Several harnesses can share one cache and lock to
/// act as several server instances.
/// </summary>
public sealed class WeChatApiHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempDirectory _data = new("wechat-api");

    public WeChatApiHarness(FakeWeChatApi api, IKeyValueCache? sharedCache = null, IDistributedLock? sharedLock = null, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        Api = api;
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:Token"] = "token123", ["WeChat:AppId"] = "wxapitest", ["WeChat:AppSecret"] = "secret",
            ["WeChat:ApiBaseUrl"] = api.BaseAddress.ToString(),
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null) services.AddSingleton(time);
        // The coordination a server gets from its session storage: shared when given (several instances), else in-process.
        services.AddSingleton(sharedCache ?? new InMemoryKeyValueCache(time ?? TimeProvider.System));
        services.AddSingleton(sharedLock ?? new InMemoryDistributedLock());
        services.AddWeChatApi(configuration);
        services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase($"Filename={_data.File("records.db")};Connection=Direct"));
        services.AddSingleton(new FieldCipher(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton<IUndeliveredMessageStore, LiteDbUndeliveredStore>();
        services.AddSingleton<WeChatDeliveryPolicy>();
        services.AddSingleton<WeChatMessenger>();
        services.AddSingleton<NoProactiveChannelMessenger>();
        services.AddSingleton<WeChatUserMessenger>();
        _provider = services.BuildServiceProvider();
    }

    public FakeWeChatApi Api { get; }
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _data.Dispose();
    }
}
