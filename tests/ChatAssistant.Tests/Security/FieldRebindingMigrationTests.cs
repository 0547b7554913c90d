using System.Security.Cryptography;
using System.Text.Json;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using LiteDB;

namespace ChatAssistant.Tests.Security;

/// <summary>
/// The one-time re-encryption at start-up, over a records file written the way the version before record binding
/// wrote it (<see cref="LegacyFieldWriter"/>: "v1." values bound to the field alone).
/// </summary>
public sealed class FieldRebindingMigrationTests
{
    private static readonly DateTimeOffset Then = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private sealed record OldRecords(int TicketId, int AlreadyRebound, string AlreadyReboundValue, string EscalationId);

    // Rows as the previous version's TicketService and EscalationStore saved them; plus one ticket that an
    // interrupted earlier run had already re-encrypted.
    private static OldRecords WriteOldRecordsFile(string dataDirectory, byte[] key, byte[]? otherKey = null)
    {
        using var db = RecordsDatabase.Open(Path.Combine(dataDirectory, "assistant.db"));
        var tickets = db.GetCollection<Ticket>(TicketService.Collection);
        var old = new Ticket
        {
            UserId = "o6_old_user", ChannelId = "wechat", AgeBand = "18至35岁", County = "义乌市", Category = "纠纷调解",
            Contact = ContactMethod.Phone, Status = TicketStatus.InProgress, ConsentedAt = Then, CreatedAt = Then,
            Description = LegacyFieldWriter.Protect(key, "旧版本写下的描述：邻居装修噪音", TicketFields.Description),
            Phone = LegacyFieldWriter.Protect(key, "13800000009", TicketFields.Phone),
            Name = LegacyFieldWriter.Protect(otherKey ?? key, "小林", TicketFields.Name),
            History =
            [
                new TicketEntry { Kind = TicketEntryKind.StaffNote, At = Then, Author = "staff:yiwu", Text = LegacyFieldWriter.Protect(key, "旧版本的内部备注", TicketFields.Entry) },
                new TicketEntry { Kind = TicketEntryKind.UserAddition, At = Then, Author = "user", Text = LegacyFieldWriter.Protect(key, "旧版本的用户补充", TicketFields.Entry) },
            ],
        };
        tickets.Insert(old);
        var done = new Ticket { UserId = "o6_other", ChannelId = "wechat", County = "义乌市", Category = "心理疏导", Status = TicketStatus.New, ConsentedAt = Then, CreatedAt = Then };
        tickets.Insert(done);
        done.Description = new FieldCipher(key).Protect("上次已经重新加密的描述", TicketFields.Of(done.Id, TicketFields.Description));
        tickets.Update(done);

        var escalation = new EscalationRecord
        {
            ChannelId = "wechat", UserId = "o6_old_user", ConversationId = "o6_old_user", ConversationKey = "wechat:o6_old_user",
            Reason = EscalationReason.UserAsked, County = "义乌市", Status = EscalationStatus.Waiting, CreatedAt = Then,
        };
        ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Records(db).Insert(escalation);
        ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Entries(db).Insert(new EscalationEntry
        {
            EscalationId = escalation.Id, Kind = EntryKind.User, At = Then, Text = LegacyFieldWriter.Protect(key, "旧版本的对话：我住在幸福路", EscalationStore.EntryField),
        });
        return new OldRecords(old.Id, done.Id, done.Description, escalation.Id);
    }

    private static Dictionary<string, string?> Settings(byte[] key) => new() { ["Disputes:EncryptionKey"] = Convert.ToBase64String(key) };

    [Fact]
    public async Task Old_format_rows_are_re_encrypted_once_at_start_up_and_read_as_before()
    {
        using var data = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        var old = WriteOldRecordsFile(data.Path, key);

        await using (var server = await AssistantServer.StartAsync(Settings(key), dataDirectory: data.Path))
        {
            var db = server.Get<ILiteDatabase>();
            var ticket = db.GetCollection<Ticket>(TicketService.Collection).FindById(old.TicketId);
            Assert.All(new[] { ticket.Description, ticket.Phone, ticket.Name, ticket.History[0].Text, ticket.History[1].Text }, v => Assert.StartsWith("v2.", v));
            Assert.Equal(old.AlreadyReboundValue, db.GetCollection<Ticket>(TicketService.Collection).FindById(old.AlreadyRebound).Description);
            Assert.StartsWith("v2.", ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Entries(db).All().Single().Text);
            var completed = db.GetCollection<CompletedMigration>(FieldRebindingMigration.Collection).FindAll().ToList();
            Assert.Equal(
                [FieldRebindingMigration.IdOf(TicketService.Collection), FieldRebindingMigration.IdOf(ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.EntriesCollection)],
                completed.Select(c => c.Id).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal(5, completed.Single(c => c.Id == FieldRebindingMigration.IdOf(TicketService.Collection)).Changed);

            using var staff = DisputeFixtures.StaffClient(server, "yiwu", "义乌市");
            var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/tickets/{TicketNumber.Format(old.TicketId)}")).RootElement;
            Assert.Equal("旧版本写下的描述：邻居装修噪音", detail.GetProperty("description").GetString());
            Assert.Equal("13800000009", detail.GetProperty("phone").GetString());
            Assert.Equal("小林", detail.GetProperty("name").GetString());
            Assert.Equal(["旧版本的内部备注", "旧版本的用户补充"], detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToArray());
            var other = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/tickets/{TicketNumber.Format(old.AlreadyRebound)}")).RootElement;
            Assert.Equal("上次已经重新加密的描述", other.GetProperty("description").GetString());
            var transcript = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/escalations/{old.EscalationId}")).RootElement;
            Assert.Equal("旧版本的对话：我住在幸福路", transcript.GetProperty("transcript")[0].GetProperty("text").GetString());
            Assert.Contains(server.Logs.Lines, l => l.Contains("Re-encrypted 5 values in dispute_tickets", StringComparison.Ordinal));
        }

        // Recorded: the next start does not run it again.
        await using (var again = await AssistantServer.StartAsync(Settings(key), dataDirectory: data.Path))
        {
            Assert.DoesNotContain(again.Logs.Lines, l => l.Contains("Re-encrypted", StringComparison.Ordinal));
            Assert.Equal(2, again.Get<ILiteDatabase>().GetCollection<CompletedMigration>(FieldRebindingMigration.Collection).Count());
        }
    }

    [Fact]
    public async Task A_value_the_key_cannot_read_is_left_as_it_was_and_the_re_encryption_is_tried_again_at_the_next_start()
    {
        using var data = new TempDirectory();
        var key = RandomNumberGenerator.GetBytes(32);
        var old = WriteOldRecordsFile(data.Path, key, otherKey: RandomNumberGenerator.GetBytes(32)); // the name: another key

        for (var start = 0; start < 2; start++)
        {
            await using var server = await AssistantServer.StartAsync(Settings(key), dataDirectory: data.Path);
            var db = server.Get<ILiteDatabase>();
            var ticket = db.GetCollection<Ticket>(TicketService.Collection).FindById(old.TicketId);
            Assert.StartsWith("v1.", ticket.Name);
            Assert.StartsWith("v2.", ticket.Description);
            Assert.Contains(server.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("1 encrypted values in dispute_tickets", StringComparison.Ordinal));
            var completed = db.GetCollection<CompletedMigration>(FieldRebindingMigration.Collection).FindAll().Select(c => c.Id).ToList();
            Assert.Equal([FieldRebindingMigration.IdOf(ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.EntriesCollection)], completed);

            using var staff = DisputeFixtures.StaffClient(server, "yiwu" + start, "义乌市");
            var detail = JsonDocument.Parse(await staff.GetStringAsync($"/api/staff/tickets/{TicketNumber.Format(old.TicketId)}")).RootElement;
            Assert.Equal(FieldTexts.Unreadable, detail.GetProperty("name").GetString());
            Assert.Equal("旧版本写下的描述：邻居装修噪音", detail.GetProperty("description").GetString());
        }
    }
}
