using System.Net;
using ChatAssistant.Escalation;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

public sealed class EscalationAuditTests : IAsyncLifetime
{
    private AssistantServer _server = null!;

    public async Task InitializeAsync() => _server = await AssistantServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Open(string county) => _server.Get<EscalationStore>().Open(new EscalationRecord
    {
        ChannelId = "test",
        UserId = "user-" + county,
        ConversationId = "user-" + county,
        Reason = EscalationReason.UserAsked,
        County = county,
        Status = EscalationStatus.Waiting,
        CreatedAt = _server.Get<TimeProvider>().GetUtcNow(),
    }).Record.Id;

    [Fact]
    public async Task Every_detail_view_of_an_escalation_is_audited_and_one_out_of_scope_as_denied()
    {
        var id = Open("义乌市");
        using var yiwu = DisputeFixtures.StaffClient(_server, "yiwu", "义乌市");
        using var dongyang = DisputeFixtures.StaffClient(_server, "dongyang", "东阳市");

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await yiwu.GetAsync($"/api/staff/escalations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dongyang.GetAsync($"/api/staff/escalations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await yiwu.GetAsync("/api/staff/escalations")).StatusCode); // the queue is not a view

        var rows = DisputeFixtures.Audit(_server.Services, "escalation:" + id);
        Assert.Equal(2, rows.Count(e => e.Action == "escalation.view" && e.Actor == "staff:yiwu"));
        Assert.Single(rows, e => e.Action == "escalation.view.denied" && e.Actor == "staff:dongyang");
        Assert.Equal(3, rows.Count);
    }
}
