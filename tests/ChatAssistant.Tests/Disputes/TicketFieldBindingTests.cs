using System.Text.Json;
using ChatAssistant.Disputes;
using ChatAssistant.Security;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Disputes;

/// <summary>
/// An encrypted field belongs to its ticket: a value copied into another ticket (someone with write access to the
/// records file moving a description where other staff, or another user, would read it) does not decrypt there, and
/// staff see a marker instead of the text, or of a failed page.
/// </summary>
public sealed class TicketFieldBindingTests
{
    [Fact]
    public async Task A_description_or_history_line_copied_into_another_ticket_shows_staff_an_unreadable_marker_not_the_text()
    {
        await using var server = await AssistantServer.StartAsync();
        var tickets = server.Get<TicketService>();
        var a = DisputeFixtures.File(server.Services, "婺城区", description: "甲的描述：和室友因为费用发生了争执", phone: "13800000001", userId: "userA");
        var b = DisputeFixtures.File(server.Services, "婺城区", description: "乙的描述：最近压力很大想找人聊聊", phone: "13800000002", userId: "userB");
        tickets.AddNote(a.Id, "staff:wu", "甲的内部备注");
        tickets.AddNote(b.Id, "staff:wu", "乙的内部备注");

        var collection = server.Get<ILiteDatabase>().GetCollection<Ticket>(TicketService.Collection);
        var rawA = collection.FindById(a.Id);
        var rawB = collection.FindById(b.Id);
        rawB.Description = rawA.Description;
        rawB.History[0].Text = rawA.History[0].Text;
        Assert.True(collection.Update(rawB));

        using var staff = DisputeFixtures.StaffClient(server, "wu", "婺城区");
        var response = await staff.GetAsync($"/api/staff/tickets/{b.Number}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var detailB = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(FieldTexts.Unreadable, detailB.GetProperty("description").GetString());
        Assert.Equal(FieldTexts.Unreadable, detailB.GetProperty("history")[0].GetProperty("text").GetString());
        Assert.Equal("13800000002", detailB.GetProperty("phone").GetString()); // B's own fields still read

        var detailA = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/tickets/{a.Number}")).RootElement;
        Assert.Equal("甲的描述：和室友因为费用发生了争执", detailA.GetProperty("description").GetString());
        Assert.Equal("甲的内部备注", detailA.GetProperty("history")[0].GetProperty("text").GetString());

        Assert.Contains(server.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(b.Number, StringComparison.Ordinal));
        Assert.DoesNotContain("甲的描述", server.Logs.All);
    }

    [Fact]
    public async Task A_history_line_moved_to_another_place_or_kind_in_the_same_ticket_does_not_read_either()
    {
        await using var server = await AssistantServer.StartAsync();
        var tickets = server.Get<TicketService>();
        var t = DisputeFixtures.File(server.Services, "婺城区");
        tickets.AddNote(t.Id, "staff:wu", "只给工作人员看的备注");
        tickets.RecordReply(t.Id, "staff:wu", "发给用户的答复", delivered: true, error: null);

        var collection = server.Get<ILiteDatabase>().GetCollection<Ticket>(TicketService.Collection);
        var raw = collection.FindById(t.Id);
        (raw.History[0].Text, raw.History[1].Text) = (raw.History[1].Text, raw.History[0].Text); // the note where the reply was
        Assert.True(collection.Update(raw));

        var fields = server.Get<TicketFieldReader>();
        var moved = tickets.Find(t.Id)!;
        Assert.Equal(FieldTexts.Unreadable, fields.RevealEntry(moved, 0));
        Assert.Equal(FieldTexts.Unreadable, fields.RevealEntry(moved, 1));
    }
}
