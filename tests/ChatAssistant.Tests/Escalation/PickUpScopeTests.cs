using System.Net;
using ChatAssistant.Audit;
using ChatAssistant.Escalation;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

/// <summary>
/// <c>POST /api/staff/escalations</c> (pick a user up) over real HTTP: a member picks up only a user their district
/// has on record — the county of the user's roster binding, or of their last help request or hand-off; anyone else
/// answers 403 with an audit row that does not carry the OpenID. Admins pick up anyone.
/// </summary>
public sealed class PickUpScopeTests : IAsyncLifetime
{
    private const string Pw = ConsoleServer.Password;
    private AssistantServer _server = null!;
    private RecordingMessenger _messenger = null!;

    public async Task InitializeAsync() => (_server, _messenger) = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void BindVolunteer(string openId, string memberId, string district)
    {
        var identity = _server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader($"id,name,district,phone\n{memberId},张三,{district},\n")).Ok);
        Assert.Equal(BindStatus.Bound, identity.BindWithCodeAsync(openId, identity.IssueCode(RosterKind.Volunteer, memberId).Code).GetAwaiter().GetResult().Status);
    }

    private static Task<HttpResponseMessage> PickUp(StaffSession staff, string userId) =>
        staff.PostAsync("/api/staff/escalations", new { channelId = "test", userId });

    private List<EscalationRecord> EscalationsOf(string userId) =>
        _server.Get<ChatAssistant.Escalation.EscalationStore>().All().Where(r => r.UserId == userId).ToList();

    [Fact]
    public async Task A_member_cannot_pick_up_a_user_bound_to_another_district_and_the_refusal_is_audited_without_the_openid()
    {
        BindVolunteer("o6_jindong_user", "V9001", "金东区");
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);

        var response = await PickUp(wucheng, "o6_jindong_user");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(EscalationsOf("o6_jindong_user"));
        Assert.Empty(_messenger.Sent);
        var row = Assert.Single(_server.Get<AuditLog>().Recent(100, actor: "staff:wucheng"), e => e.Action == "escalation.pickup.denied");
        Assert.StartsWith("user:", row.Subject);
        Assert.DoesNotContain("o6_jindong_user", System.Text.Json.JsonSerializer.Serialize(row));

        // The district the user is bound to may pick them up; so may an admin.
        using var jindong = await StaffSession.SignInAsync(_server, "jindong", Pw);
        Assert.Equal(HttpStatusCode.OK, (await PickUp(jindong, "o6_jindong_user")).StatusCode);
        Assert.Equal("金东区", Assert.Single(EscalationsOf("o6_jindong_user")).County);
    }

    [Fact]
    public async Task A_member_can_pick_up_a_user_whose_last_help_request_is_in_their_district()
    {
        DisputeFixtures.File(_server.Services, "婺城区", userId: "o6_ticket_user", channel: "test");
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);

        var response = await PickUp(wucheng, "o6_ticket_user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(EscalationsOf("o6_ticket_user"));
        Assert.Equal(("婺城区", EscalationReason.StaffPickup, EscalationStatus.Claimed), (record.County, record.Reason, record.Status));
        Assert.Equal("o6_ticket_user", Assert.Single(_messenger.Sent).UserId);
        Assert.Contains(_server.Get<AuditLog>().Recent(100, subject: "escalation:" + record.Id), e => e.Action == "escalation.pickup" && e.Actor == "staff:wucheng");
    }

    [Fact]
    public async Task Only_the_last_help_request_or_hand_off_counts_and_a_user_nobody_has_on_record_is_for_admins()
    {
        // The user's last request moved to 金东区: 婺城区 no longer picks them up on the strength of the older one.
        DisputeFixtures.File(_server.Services, "婺城区", userId: "o6_moved", channel: "test");
        DisputeFixtures.File(_server.Services, "金东区", userId: "o6_moved", channel: "test");
        // A user whose last hand-off (resolved) was in 婺城区.
        var store = _server.Get<EscalationStore>();
        var (earlier, _) = store.Open(new EscalationRecord
        {
            ChannelId = "test", UserId = "o6_handoff", ConversationId = "o6_handoff", Reason = EscalationReason.UserAsked,
            County = "婺城区", Status = EscalationStatus.Resolved, CreatedAt = _server.Get<TimeProvider>().GetUtcNow(),
        });
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        using var admin = await StaffSession.SignInAsync(_server, "admin", Pw);

        Assert.Equal(HttpStatusCode.Forbidden, (await PickUp(wucheng, "o6_moved")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PickUp(wucheng, "o6_stranger")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PickUp(wucheng, "o6_handoff")).StatusCode);
        Assert.Contains(EscalationsOf("o6_handoff"), r => r.Id != earlier.Id && r.Status == EscalationStatus.Claimed);
        Assert.Equal(HttpStatusCode.OK, (await PickUp(admin, "o6_stranger")).StatusCode);
        Assert.Equal(2, _server.Get<AuditLog>().Recent(100, actor: "staff:wucheng").Count(e => e.Action == "escalation.pickup.denied"));
    }
}
