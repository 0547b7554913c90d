using ChatAssistant.Adapters.WeCom.Fake;
using ChatAssistant.Escalation;
using ChatAssistant.OnCall;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>
/// Two instances on one Redis and one PostgreSQL both hear of the same crisis (each runs its own phone queue): the
/// on-call member's phone gets one card for it, not one per instance, and its acknowledgement updates that card once.
/// </summary>
public sealed class PhoneAlertsAcrossInstancesTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private PostgresDatabase? _database;

    public void Dispose() => _database?.Dispose();

    [SkippableFact]
    public async Task A_crisis_heard_by_two_instances_at_once_alerts_the_on_call_phone_once_and_is_acknowledged_once()
    {
        redis.Require();
        _database = PostgresServer.CreateDatabase();
        await using var wecom = await FakeWeComApi.StartAsync();
        var settings = redis.DeploymentSettings(more:
        [
            ("Booking:SeedDemoStudio", "false"),
            ("WeCom:CorpId", "ww0123456789abcdef"), ("WeCom:AgentId", "1000002"), ("WeCom:Secret", "wecom-secret"),
            ("WeCom:Token", "wecomtoken42"), ("WeCom:EncodingAESKey", "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj"),
            ("WeCom:ApiBaseUrl", wecom.BaseAddress.ToString()),
            ("Escalation:OnCall:0:County", "天台县"), ("Escalation:OnCall:0:Staff", "alice"), ("Escalation:OnCall:0:Days", "1-7"),
            ("Escalation:OnCall:0:From", "00:00"), ("Escalation:OnCall:0:To", "23:59"),
        ]);
        foreach (var (key, value) in _database.Settings()) settings[key] = value;
        await using var a = await AssistantServer.StartAsync(settings);
        await using var b = await AssistantServer.StartAsync(settings);
        var alice = a.Get<StaffStore>().Create("alice", "a long enough password", StaffRoles.Staff, "天台县", "小艾");
        Assert.True(a.Get<IStaffWeComLinks>().Set(alice.Id, "alice-wx", null));

        var record = a.Get<EscalationStore>().Open(new EscalationRecord
        {
            ChannelId = "wechat", UserId = "oCrisis", ConversationId = "oCrisis", Reason = EscalationReason.Crisis, Urgent = true,
            County = "天台县", Status = EscalationStatus.Waiting, CreatedAt = a.Get<TimeProvider>().GetUtcNow(),
        }).Record;
        // Each instance hears of it several times at once (the opening, the young person's next lines).
        var chains = new[] { a.Get<UrgentAlertChain>(), b.Get<UrgentAlertChain>() };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => chains[i % 2].ChangedAsync(record.Id, CancellationToken.None))));

        var step1 = Assert.Single(b.Get<IEscalationAlertStore>().Of(record.Id));
        Assert.Equal(1, step1.Step);
        Assert.Equal(["alice"], step1.Staff);
        Assert.Single(wecom.CardsTo("alice-wx"));

        // Taken through A; both instances hear of it: the card is updated once, and every alert says who took it.
        a.Get<EscalationStore>().Change(record.Id, r => { r.Status = EscalationStatus.Claimed; r.AssigneeId = alice.Id; r.AssigneeName = "小艾"; r.ClaimedAt = r.CreatedAt.AddMinutes(1); return null; });
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => chains[i % 2].ChangedAsync(record.Id, CancellationToken.None))));
        Assert.Single(wecom.CardUpdates);
        Assert.All(a.Get<IEscalationAlertStore>().Of(record.Id), alert => Assert.Equal(("小艾", true), (alert.AcknowledgedBy, alert.CardUpdated)));
    }
}
