using System.Net;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// Two servers on different ports behind one Redis (sessions, console events) and one PostgreSQL database (the records),
/// over real HTTP: a young person asks for a person through instance B; a staff member signed in on instance A sees it
/// arrive live in A's event stream, takes it and replies through A's API, and the reply reaches the (fake) WeChat API;
/// what the young person writes next through B shows on A's transcript and is not answered by the bot.
/// </summary>
public sealed class HandoffAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string Password = "correct horse battery";
    private const string OpenId = "oYoungAcross";
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private PostgresDatabase? _database;
    private long _msgId = 9_100_000;

    public void Dispose() => _database?.Dispose();

    [SkippableFact]
    public async Task A_hand_off_through_B_is_seen_live_on_A_answered_through_A_and_the_reply_reaches_WeChat()
    {
        redis.Require();
        _database = PostgresServer.CreateDatabase();
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var settings = redis.DeploymentSettings();
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        await using var api = await FakeWeChatApi.StartAsync();
        await using var a = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time, sharedApi: api);
        await using var b = await WeChatTestServer.StartAsync(scripted: false, overrides: settings, time: _time, sharedApi: api);
        Assert.NotEqual(a.Server.BaseAddress.Port, b.Server.BaseAddress.Port);
        a.Server.Get<StaffStore>().Create("lin", Password, StaffRoles.Admin, null, "林老师");

        using var lin = await StaffSession.SignInAsync(a.Server, "lin", Password);
        await using var events = await EventReader.OpenAsync(lin.Client);

        var opened = await b.SayAsync(OpenId, "转人工", Interlocked.Increment(ref _msgId));
        Assert.Contains("工作人员", opened);
        var id = await events.NextEscalationIdAsync(); // live on A, though it arrived through B
        var record = a.Server.Get<EscalationStore>().Get(id);
        Assert.Equal((OpenId, EscalationStatus.Waiting), (record!.UserId, record.Status));

        Assert.Equal(HttpStatusCode.OK, (await lin.PostAsync($"/api/staff/escalations/{id}/claim")).StatusCode);
        const string Answer = "你好，我是林老师。可以说说发生了什么吗？";
        var replied = await lin.PostAsync($"/api/staff/escalations/{id}/reply", new { text = Answer });
        Assert.True(replied.IsSuccessStatusCode, await replied.Content.ReadAsStringAsync());
        Assert.Contains(api.TextsTo(OpenId), t => t.Contains(Answer, StringComparison.Ordinal));
        Assert.Equal(EscalationStatus.Claimed, b.Server.Get<EscalationStore>().Get(id)!.Status); // B reads the same record

        // The young person's next line, through B again: on A's transcript, and the bot stays quiet.
        var next = await b.SayAsync(OpenId, "我和室友吵架了，心里很难受", Interlocked.Increment(ref _msgId));
        Assert.DoesNotContain("不太确定", next);
        var change = await events.NextEscalationIdAsync();
        Assert.Equal(id, change);
        var detail = await lin.GetJsonAsync($"/api/staff/escalations/{id}");
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), e => e.GetProperty("text").GetString() == "我和室友吵架了，心里很难受");
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), e => e.GetProperty("text").GetString() == Answer);
        Assert.Single(a.Server.Get<EscalationStore>().All());
    }
}
