using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters;
using ChatAssistant.Conversation;
using ChatAssistant.Escalation;
using ChatAssistant.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// The channel as the API tests see it: keeps what staff send and answers with a scripted result (delivered by
/// default), so desk rules can be checked without WeChat (the browser test uses the real WeChat path).
/// </summary>
public sealed class RecordingMessenger : IUserMessenger
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public IReadOnlyCollection<OutboundMessage> Sent => _sent;

    /// <summary>What the "channel" answers; change it to simulate 45015 / 45047.</summary>
    public Func<OutboundMessage, DeliveryResult> Respond { get; set; } = _ => DeliveryResult.Ok();

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.FromResult(Respond(message));
    }
}

/// <summary>The county of each API-test user (the browser test binds real roster entries instead).</summary>
public sealed class FixedCountySource(IReadOnlyDictionary<string, string> counties) : IEscalationCountySource
{
    public int Order => IEscalationCountySource.OnRecord;

    public string? CountyOf(string channelId, string userId, ConversationData data) => counties.GetValueOrDefault(userId);
}

/// <summary>
/// A chat user of a running <see cref="AssistantServer"/>, driven in-process through a Bot.Builder TestAdapter
/// with the server's own pipeline, bot and stores (channel "test"; the browser test goes through /api/wechat).
/// </summary>
public sealed class InProcessUser(AssistantServer server, string userId)
{
    public string UserId => userId;

    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(userId, userId, "bot"));
        server.Get<IBotPipeline>().Apply(adapter);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), server.Get<IBot>().OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (adapter.ActiveQueue.Count > 0)
            if (adapter.ActiveQueue.Dequeue().Text is { Length: > 0 } reply) replies.Add(reply);
        return replies;
    }
}

/// <summary>A signed-in staff member over real HTTP: cookie jar plus the CSRF token for writes.</summary>
public sealed class StaffSession : IDisposable
{
    private readonly System.Net.CookieContainer _cookies;

    private StaffSession(HttpClient client, System.Net.CookieContainer cookies, string csrf)
    {
        Client = client;
        _cookies = cookies;
        Csrf = csrf;
    }

    public HttpClient Client { get; }

    public string Csrf { get; }

    /// <summary>The cookies this session sends to <paramref name="server"/>, as a Cookie header.</summary>
    public string CookieHeader(Uri server) => _cookies.GetCookieHeader(server);

    public static async Task<StaffSession> SignInAsync(AssistantServer server, string userName, string password)
    {
        var cookies = new System.Net.CookieContainer();
        var client = server.CreateClient(cookies);
        var response = await client.PostAsJsonAsync("/api/staff/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var csrf = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString()!;
        return new StaffSession(client, cookies, csrf);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-CSRF-TOKEN", Csrf);
        return Client.SendAsync(request);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Server set-up shared by the console tests.</summary>
public static class ConsoleServer
{
    public const string Password = "correct horse battery";

    /// <summary>A server whose users "wu1"/"wu2" live in 婺城区 and "jd1" in 金东区, with staff of both and an admin.</summary>
    public static async Task<(AssistantServer Server, RecordingMessenger Messenger)> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var messenger = new RecordingMessenger();
        var server = await AssistantServer.StartAsync(settings, s =>
        {
            s.AddSingleton<IUserMessenger>(messenger);
            s.AddSingleton<IEscalationCountySource>(new FixedCountySource(new Dictionary<string, string>
            {
                ["wu1"] = "婺城区", ["wu2"] = "婺城区", ["jd1"] = "金东区",
            }));
            services?.Invoke(s);
        });
        var staff = server.Get<ChatAssistant.Staff.StaffStore>();
        staff.Create("wucheng", Password, "staff", "婺城区", "婺城小王");
        staff.Create("wucheng2", Password, "staff", "婺城区", "婺城小李");
        staff.Create("jindong", Password, "staff", "金东区", "金东小张");
        staff.Create("city", Password, "staff", "市团委", "市团委小陈");
        staff.Create("admin", Password, "admin", null, "管理员");
        return (server, messenger);
    }

    /// <summary>The only escalation id in the store, or the newest.</summary>
    public static string NewestEscalationId(AssistantServer server) =>
        server.Get<ChatAssistant.Escalation.EscalationStore>()
            .All().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).First().Id;
}

/// <summary>Debian's Chromium through Playwright (no browser download), as every browser test runs it.</summary>
public static class ConsoleBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Headless Chromium without the sandbox, updates or background traffic.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A page of the console at <paramref name="server"/>, signed in as <paramref name="userName"/>, its live updates connected.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri server, string userName)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", ConsoleServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 15_000 });
        return page;
    }
}
