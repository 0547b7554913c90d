using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Support.WeChat;

/// <summary>
/// The real assistant behind the WeChat endpoint (signed, encrypted callbacks over real HTTP; real LiteDB; the fake WeChat
/// API) on a fake clock, shared by the tests of a class (<c>IClassFixture</c>): each test talks as its own users. The
/// clock starts at <see cref="Start"/> with the server in UTC, so answers must come out in Beijing time.
/// </summary>
public class WeChatAssistant : IAsyncLifetime
{
    /// <summary>Thu 2026-11-26 10:00 Beijing.</summary>
    public static readonly DateTimeOffset DefaultStart = BotHarness.DefaultNow;

    public FakeTimeProvider Time { get; }

    public WeChatTestServer WeChat { get; private set; } = null!;

    public WeChatAssistant() : this(DefaultStart) { }

    protected WeChatAssistant(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    /// <summary>Settings of this assistant (overridden by a fixture that needs others).</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?> { ["Booking:SeedDemoStudio"] = "false" };

    public async Task InitializeAsync()
    {
        WeChat = await WeChatTestServer.StartAsync(scripted: false, overrides: Settings(), time: Time);
        await Prepare();
    }

    /// <summary>Data the class needs before its tests run (rosters, records).</summary>
    protected virtual Task Prepare() => Task.CompletedTask;

    public virtual Task DisposeAsync() => WeChat.DisposeAsync().AsTask();

    /// <summary>A WeChat user (OpenID) of this assistant.</summary>
    public WeChatChat User(string openId) => new(WeChat, openId);

    public T Get<T>() where T : notnull => WeChat.Server.Get<T>();

    /// <summary>The one hand-off of the user <paramref name="openId"/>.</summary>
    public ChatAssistant.Escalation.EscalationRecord Escalation(string openId) => Assert.Single(
        Get<ChatAssistant.Escalation.EscalationStore>().All(),
        e => e.UserId == openId);

    /// <summary>GET <paramref name="path"/>, which must answer 200, as JSON.</summary>
    public static async Task<System.Text.Json.JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>A bearer-token client for a new staff account (admin when <paramref name="scope"/> is null).</summary>
    public HttpClient Staff(string name, string? scope)
    {
        var store = Get<ChatAssistant.Staff.StaffStore>();
        store.Create(name, "a long enough password", scope is null ? ChatAssistant.Staff.StaffRoles.Admin : ChatAssistant.Staff.StaffRoles.Staff, scope);
        var client = WeChat.Server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Get<ChatAssistant.Staff.StaffTokens>().Issue(name, "test"));
        return client;
    }
}

/// <summary>
/// An assistant for conversation tests that type many messages in a second: the flood guard raised (it counts real
/// seconds), not off.
/// </summary>
public sealed class FastTypingAssistant : WeChatAssistant
{
    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Booking:SeedDemoStudio"] = "false",
        ["WeChat:UserMessagesPerMinute"] = "600",
    };
}
