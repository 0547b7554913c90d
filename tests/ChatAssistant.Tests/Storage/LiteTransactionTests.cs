using System.Security.Cryptography;
using ChatAssistant.Escalation;
using ChatAssistant.Security;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatAssistant.Tests.Storage;

/// <summary>The records of one action saved together or not at all, on a real LiteDB file (reopened to check).</summary>
public sealed class LiteTransactionTests : IDisposable
{
    private readonly TempDirectory _dir = new("ca-litetx");

    private sealed class Row
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    private string File => _dir.File("records.db");

    private LiteDatabase OpenDb() => new($"Filename={File};Connection=Direct");

    private int[] SavedIds()
    {
        using var db = OpenDb();
        return db.GetCollection<Row>("rows").FindAll().Select(r => r.Id).Order().ToArray();
    }

    [Fact]
    public void The_writes_of_one_run_are_saved_together_and_a_failing_run_saves_none_of_them()
    {
        using (var db = OpenDb())
        {
            var rows = db.GetCollection<Row>("rows");
            LiteTransaction.Run(db, () =>
            {
                rows.Insert(new Row { Id = 1, Name = "a" });
                rows.Insert(new Row { Id = 2, Name = "b" });
            });
            Assert.Throws<InvalidOperationException>(() => LiteTransaction.Run(db, () =>
            {
                rows.Insert(new Row { Id = 3, Name = "c" });
                rows.Update(new Row { Id = 1, Name = "changed" });
                throw new InvalidOperationException("the action failed half-way");
            }));
            // The thread's transaction is closed: the next write commits on its own.
            rows.Insert(new Row { Id = 4, Name = "d" });
        }

        Assert.Equal([1, 2, 4], SavedIds());
        using var reopened = OpenDb();
        Assert.Equal("a", reopened.GetCollection<Row>("rows").FindById(1).Name);
    }

    [Fact]
    public void A_run_inside_another_joins_it_and_the_outer_one_decides()
    {
        using (var db = OpenDb())
        {
            var rows = db.GetCollection<Row>("rows");
            Assert.Throws<InvalidOperationException>(() => LiteTransaction.Run(db, () =>
            {
                var inner = LiteTransaction.Run(db, () => rows.Insert(new Row { Id = 1, Name = "inner" }));
                Assert.Equal(1, inner.AsInt32);
                throw new InvalidOperationException("the outer action failed after the inner one returned");
            }));
            LiteTransaction.Run(db, () =>
            {
                LiteTransaction.Run(db, () => rows.Insert(new Row { Id = 2, Name = "inner" }));
                rows.Insert(new Row { Id = 3, Name = "outer" });
            });
        }

        Assert.Equal([2, 3], SavedIds());
    }

    [Fact]
    public async Task Escalations_opened_together_beside_single_changes_on_other_threads_neither_deadlock_nor_lose_a_line()
    {
        const int Rounds = 1000;
        using (var db = OpenDb())
        {
            var store = new EscalationStore(new ChatAssistant.Escalation.LiteDb.LiteEscalationRecords(db), new FieldCipher(RandomNumberGenerator.GetBytes(32)), NullLogger<EscalationStore>.Instance);
            var shared = store.Open(Record("u-shared")).Record;
            var now = DateTimeOffset.UtcNow;

            // One thread opens escalations with their first lines as one action (store lock, then LiteDB's locks);
            // the other changes and appends one record at a time (LiteDB's locks, the store lock inside Change).
            var together = Task.Run(() =>
            {
                for (var i = 0; i < Rounds; i++)
                {
                    store.Together(() =>
                    {
                        var (record, _) = store.Open(Record("u" + i));
                        store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.User, At = now, Text = "我想找人聊聊" + i });
                        store.Change(shared.Id, r => { r.LastUserMessageAt = now; return null; });
                        store.Add(new EscalationEntry { EscalationId = record.Id, Kind = EntryKind.Bot, At = now, Text = "已为你转接" });
                        return record;
                    });
                }
            });
            var single = Task.Run(() =>
            {
                for (var i = 0; i < Rounds; i++)
                {
                    store.Add(new EscalationEntry { EscalationId = shared.Id, Kind = EntryKind.User, At = now, Text = "还在吗" + i });
                    store.Change(shared.Id, r => { r.Urgent = i % 2 == 0; return null; });
                }
            });
            // LiteDB gives up on a lock after a minute; a deadlock would surface as its timeout or as this one.
            await Task.WhenAll(together, single).WaitAsync(TimeSpan.FromSeconds(50));
        }

        using var reopened = OpenDb();
        var check = new EscalationStore(new ChatAssistant.Escalation.LiteDb.LiteEscalationRecords(reopened), new FieldCipher(RandomNumberGenerator.GetBytes(32)), NullLogger<EscalationStore>.Instance);
        var opened = check.All().ToList();
        Assert.Equal(Rounds + 1, opened.Count);
        var entries = ChatAssistant.Escalation.LiteDb.LiteEscalationRecords.Entries(reopened).All();
        Assert.Equal(Rounds * 3, entries.Count);
        var ids = opened.Select(r => r.Id).ToHashSet();
        var orphans = entries.Where(e => !ids.Contains(e.EscalationId)).Select(e => $"{e.Id}→{(e.EscalationId == "" ? "(none)" : e.EscalationId)}").ToList();
        Assert.True(orphans.Count == 0, $"lines under no escalation: {string.Join(", ", orphans)}; escalations: {string.Join(", ", opened.Take(3).Select(r => r.UserId + "=" + r.Id))}");
        Assert.All(opened.Where(r => r.UserId != "u-shared"), r => Assert.Equal(2, entries.Count(e => e.EscalationId == r.Id)));
        Assert.NotNull(check.FindOpen("wechat", "u-shared")!.LastUserMessageAt);
    }

    private static EscalationRecord Record(string user) => new()
    {
        ChannelId = "wechat", UserId = user, ConversationId = user, Reason = EscalationReason.UserAsked,
        Status = EscalationStatus.Waiting, CreatedAt = DateTimeOffset.UtcNow,
    };

    public void Dispose() => _dir.Dispose();
}
