using ChatAssistant.Adapters;
using ChatAssistant.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Support;

/// <summary>
/// The real bot with its real services (LiteDB on a temp file, in-process sessions) for Bot.Builder
/// <see cref="TestFlow"/> conversations. The clock is fake and the server's own zone is UTC, so tests prove
/// that users still get Beijing time.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    /// <summary>Thursday 2026-11-26 10:00 in Beijing (02:00 UTC).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly TempDirectory? _ownedData;

    private BotHarness(WebApplication app, FakeTimeProvider time, TempDirectory? ownedData, CapturedLogs logs)
    {
        _app = app;
        Time = time;
        _ownedData = ownedData;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static BotHarness Create(
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null,
        string? dataDirectory = null)
    {
        var owned = dataDirectory is null ? new TempDirectory("ca-bot") : null;
        var time = new FakeTimeProvider(now ?? DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var logs = new CapturedLogs();
        var all = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory ?? owned!.Path };
        foreach (var pair in settings ?? new Dictionary<string, string?>()) all[pair.Key] = pair.Value;
        var app = AppHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<TimeProvider>(time);
            services?.Invoke(builder.Services);
        });
        return new BotHarness(app, time, owned, logs);
    }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A test adapter for <paramref name="userId"/>, running the same middleware as production.</summary>
    public TestAdapter Adapter(string userId = "user1") => Adapter(Services, userId);

    private static TestAdapter Adapter(IServiceProvider services, string userId)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(userId, userId, "bot"));
        services.GetRequiredService<IBotPipeline>().Apply(adapter);
        return adapter;
    }

    /// <summary>A Bot.Builder TestFlow conversation with the bot as <paramref name="userId"/>.</summary>
    public TestFlow Flow(string userId = "user1") => new(Adapter(userId), Get<IBot>().OnTurnAsync);

    /// <summary>Sends one message and returns every text the bot answered.</summary>
    public Task<IReadOnlyList<string>> SayAsync(string text, string userId = "user1") => SayAsync(Services, text, userId);

    /// <summary>
    /// Sends one message to the bot of <paramref name="services"/> (a <see cref="BotHarness"/>'s or an
    /// <see cref="AssistantServer"/>'s) as <paramref name="userId"/>, through the production middleware, and returns
    /// every text it answered.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SayAsync(IServiceProvider services, string text, string userId)
    {
        var adapter = Adapter(services, userId);
        var replies = new List<string>();
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), services.GetRequiredService<IBot>().OnTurnAsync, CancellationToken.None);
        while (adapter.ActiveQueue.Count > 0)
        {
            var reply = adapter.ActiveQueue.Dequeue();
            if (!string.IsNullOrEmpty(reply.Text)) replies.Add(reply.Text);
        }
        return replies;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _ownedData?.Dispose();
    }
}
