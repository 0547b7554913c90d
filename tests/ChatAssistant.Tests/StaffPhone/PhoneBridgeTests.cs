using ChatAssistant.Adapters.WeCom.Fake;
using ChatAssistant.Escalation;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>The bridge of a conversation taken from the phone: every line of the young person reaches it once, in whatever order the lines were committed.</summary>
public sealed class PhoneBridgeTests
{
    [Fact]
    public async Task A_line_committed_after_a_later_one_still_reaches_the_phone_and_none_twice()
    {
        await using var wecom = await FakeWeComApi.StartAsync();
        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?>
        {
            ["Booking:SeedDemoStudio"] = "false",
            ["WeCom:CorpId"] = "ww0123456789abcdef", ["WeCom:AgentId"] = "1000002", ["WeCom:Secret"] = "wecom-secret",
            ["WeCom:Token"] = "wecomtoken42", ["WeCom:EncodingAESKey"] = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj",
            ["WeCom:ApiBaseUrl"] = wecom.BaseAddress.ToString(),
        });
        var alice = server.Get<StaffStore>().Create("alice", "a long enough password", StaffRoles.Staff, "天台县", "小艾");
        Assert.True(server.Get<IStaffWeComLinks>().Set(alice.Id, "alice-wx", StaffAlertPreference.None));
        var store = server.Get<EscalationStore>();
        var now = server.Get<TimeProvider>().GetUtcNow();
        var record = store.Open(new EscalationRecord
        {
            ChannelId = "wechat", UserId = "oBridge", ConversationId = "oBridge", Reason = EscalationReason.UserAsked,
            County = "天台县", Status = EscalationStatus.Waiting, CreatedAt = now,
        }).Record;
        store.AddUserLine(record.Id, "在吗", now);
        store.Change(record.Id, r => { r.Status = EscalationStatus.Claimed; r.AssigneeId = alice.Id; r.AssigneeName = "小艾"; return null; });
        var bridge = server.Get<PhoneBridge>();
        bridge.Begin(alice.Id, record); // taken from the phone: what was said before is in the claim's card, not forwarded

        store.AddUserLine(record.Id, "第二句：我现在在学校门口", now.AddSeconds(20));
        await bridge.ForwardAsync(record.Id, CancellationToken.None);
        // A line of an earlier instant committed only now (another instance's transaction that waited): it sorts before
        // the line already forwarded, and still goes to the phone.
        store.AddUserLine(record.Id, "第一句：有人一直跟着我", now.AddSeconds(10));
        await bridge.ForwardAsync(record.Id, CancellationToken.None);
        await bridge.ForwardAsync(record.Id, CancellationToken.None);

        var texts = wecom.TextsTo("alice-wx");
        Assert.Single(texts, t => t.Contains("第二句：我现在在学校门口", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("第一句：有人一直跟着我", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("在吗", StringComparison.Ordinal));
    }
}
