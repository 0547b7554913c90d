using System.Text.Json;
using ChatAssistant.Escalation;
using ChatAssistant.Security;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Escalation;

/// <summary>A transcript line's text belongs to that line of that escalation: copied elsewhere it does not decrypt.</summary>
public sealed class TranscriptBindingTests
{
    [Fact]
    public async Task A_line_copied_into_another_escalations_transcript_shows_staff_an_unreadable_marker()
    {
        await using var server = await AssistantServer.StartAsync();
        var store = server.Get<EscalationStore>();
        var now = server.Get<TimeProvider>().GetUtcNow();
        string Open(string user)
        {
            var id = store.Open(new EscalationRecord
            {
                ChannelId = "test", UserId = user, ConversationId = user, Reason = EscalationReason.UserAsked,
                County = "义乌市", Status = EscalationStatus.Waiting, CreatedAt = now,
            }).Record.Id;
            store.Add(new EscalationEntry { EscalationId = id, Kind = EntryKind.User, At = now, Text = user + "：我家的地址是幸福路8号" });
            return id;
        }
        var first = Open("userA");
        var second = Open("userB");

        var entries = ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Entries(server.Get<ILiteDatabase>());
        var fromFirst = entries.All().Single(e => e.EscalationId == first);
        var inSecond = entries.All().Single(e => e.EscalationId == second);
        inSecond.Text = fromFirst.Text;
        Assert.True(entries.Update(inSecond));

        using var staff = DisputeFixtures.StaffClient(server, "yiwu", "义乌市");
        var response = await staff.GetAsync($"/api/staff/escalations/{second}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(FieldTexts.Unreadable, detail.GetProperty("transcript")[0].GetProperty("text").GetString());
        var original = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/escalations/{first}")).RootElement;
        Assert.Equal("userA：我家的地址是幸福路8号", original.GetProperty("transcript")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("幸福路", server.Logs.All);
    }
}
