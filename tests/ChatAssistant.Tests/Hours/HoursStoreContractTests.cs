using ChatAssistant.Audit;
using ChatAssistant.Audit.LiteDb;
using ChatAssistant.Audit.Postgres;
using ChatAssistant.Hours;
using ChatAssistant.Hours.LiteDb;
using ChatAssistant.Hours.Postgres;
using ChatAssistant.Storage;
using ChatAssistant.Storage.Postgres;
using ChatAssistant.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Hours;

/// <summary>What every hours store and audit store do: run on LiteDB and PostgreSQL alike.</summary>
public abstract class HoursStoreContractTests : OwnsDisposables
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The hours store and the audit store of one set of records.</summary>
    protected abstract (IHoursStore Hours, IAuditStore Audit) Stores();

    /// <summary>A second hours store on the same records, as another instance would have (LiteDB: one process owns the file, so the same).</summary>
    protected abstract IHoursStore SameRecords(IHoursStore store);

    private static HourRecord Record(string id, string volunteer, RecordStatus status = RecordStatus.Verified, DateTimeOffset? imported = null) => new()
    {
        Key = HourRecord.KeyOf("嵊州市", id), RecordId = id, District = "嵊州市", VolunteerId = volunteer, Activity = "社区服务", Organiser = "嵊州团市委",
        Date = "2026-10-01", StartMinute = 540, EndMinute = 660, Hours = 2m, Status = status,
        Flags = status == RecordStatus.Flagged ? [new RuleFlag("overlap", "与 R0 时间重叠")] : [], ImportId = "IMP1", ImportedAt = imported ?? Noon,
    };

    private static LedgerEntry Entry(string key, string volunteer, decimal points) => new()
    {
        Key = key, VolunteerId = volunteer, Kind = LedgerKind.HoursCredit, Hours = points, Points = points, ActivityDate = "2026-10-01", Ref = "R1", At = Noon, By = "import",
    };

    [SkippableFact]
    public void Records_read_back_whole_are_found_every_way_and_a_key_is_stored_once()
    {
        var (store, _) = Stores();
        store.AddRecord(Record("R1", "V001"));
        store.AddRecord(Record("R2", "V001", RecordStatus.Flagged, Noon.AddDays(-2)));
        store.AddRecord(Record("R3", "V002"));
        Assert.Throws<DuplicateRecordException>(() => SameRecords(store).AddRecord(Record("R1", "V009")));

        var flagged = Assert.Single(store.FlaggedRecords());
        Assert.Equal(("R2", "嵊州市", "V001", "社区服务", "2026-10-01", 540, 660, 2m, RecordStatus.Flagged, "IMP1"),
            (flagged.RecordId, flagged.District, flagged.VolunteerId, flagged.Activity, flagged.Date, flagged.StartMinute, flagged.EndMinute, flagged.Hours, flagged.Status, flagged.ImportId));
        Assert.Equal(new RuleFlag("overlap", "与 R0 时间重叠"), Assert.Single(flagged.Flags));
        Assert.Equal(["R1", "R2"], store.RecordsOf("V001").Select(r => r.RecordId).Order());
        Assert.Equal("V002", Assert.Single(store.RecordsWithId("R3")).VolunteerId);
        Assert.Equal(["R1", "R3"], store.ImportedBetween(Noon.AddDays(-1), Noon.AddDays(1)).Select(r => r.RecordId).Order());

        var r2 = store.FindRecord(HourRecord.KeyOf("嵊州市", "R2"))!;
        r2.Status = RecordStatus.Approved;
        r2.Flags = [];
        store.UpdateRecord(r2);
        Assert.Empty(SameRecords(store).FlaggedRecords());
        Assert.Null(store.FindRecord("none"));
    }

    [SkippableFact]
    public void Ledger_entries_are_appended_once_per_source_key_and_read_per_volunteer()
    {
        var (store, _) = Stores();
        store.AddEntry(Entry("hours:a", "V001", 2m));
        store.AddEntry(Entry("hours:b", "V001", 1.5m));
        store.AddEntry(new LedgerEntry { Key = "order:DH1", VolunteerId = "V001", Kind = LedgerKind.Redemption, Points = -3m, Ref = "DH1", At = Noon, By = "wechat" });
        Assert.Throws<DuplicateRecordException>(() => SameRecords(store).AddEntry(Entry("hours:a", "V001", 9m)));
        Assert.Equal(new PointsBalance(3.5m, 3m), HoursLedger.PointsOf(store.LedgerOf("V001")));
        Assert.Empty(store.LedgerOf("V002"));
        var redemption = store.FindEntry("order:DH1")!;
        Assert.Equal((LedgerKind.Redemption, -3m, "DH1", "wechat", Noon), (redemption.Kind, redemption.Points, redemption.Ref, redemption.By, redemption.At));
    }

    [SkippableFact]
    public void Orders_get_ids_in_order_and_are_found_listed_and_closed()
    {
        var (store, _) = Stores();
        var orders = Enumerable.Range(0, 3).Select(i => new RedemptionOrder
        {
            VolunteerId = i == 2 ? "V002" : "V001", ItemId = "T5", ItemName = "环保袋", Points = 5m, Status = OrderStatus.Placed, PlacedAt = Noon.AddDays(-i),
        }).ToList();
        foreach (var order in orders)
        {
            store.AddOrder(order);
            order.OrderNo = $"DH{order.Id:D4}";
            store.UpdateOrder(order);
        }
        Assert.True(orders[1].Id > orders[0].Id);
        Assert.Equal(orders.Select(o => o.OrderNo).Reverse(), store.Orders(null).Select(o => o.OrderNo)); // newest first
        Assert.Equal(2, store.OrdersOf("V001").Count);
        Assert.Equal([orders[0].OrderNo, orders[1].OrderNo], store.PlacedBetween(Noon.AddDays(-1), Noon.AddDays(1)).Select(o => o.OrderNo).Order());

        var cancelled = SameRecords(store).FindOrder(orders[0].OrderNo)!;
        (cancelled.Status, cancelled.ClosedAt, cancelled.ClosedBy, cancelled.CancelReason) = (OrderStatus.Cancelled, Noon, "staff:lin", "缺货");
        store.UpdateOrder(cancelled);
        var read = store.FindOrder(orders[0].OrderNo)!;
        Assert.Equal((OrderStatus.Cancelled, (DateTimeOffset?)Noon, "staff:lin", "缺货", "环保袋", 5m), (read.Status, read.ClosedAt, read.ClosedBy, read.CancelReason, read.ItemName, read.Points));
        Assert.Equal([orders[2].OrderNo, orders[1].OrderNo], store.Orders(OrderStatus.Placed).Select(o => o.OrderNo));
        Assert.Null(store.FindOrder("DH9999"));
    }

    [SkippableFact]
    public void Corrections_get_ids_and_leave_the_open_list_when_resolved()
    {
        var (store, _) = Stores();
        var first = new HoursCorrection { VolunteerId = "V001", District = "嵊州市", ChannelId = "wechat", UserId = "u1", RecordKey = "k", RecordId = "R1", Status = CorrectionStatus.Open, CreatedAt = Noon };
        var second = new HoursCorrection { VolunteerId = "V002", ChannelId = "wechat", UserId = "u2", Date = "2026-10-02", Status = CorrectionStatus.Open, CreatedAt = Noon };
        store.AddCorrection(first);
        store.AddCorrection(second);
        Assert.True(second.Id > first.Id);
        first.Text = "sealed-text";
        store.UpdateCorrection(first);
        Assert.Equal("sealed-text", SameRecords(store).FindCorrection(first.Id)!.Text);
        Assert.Equal([first.Id, second.Id], store.OpenCorrections().Select(c => c.Id));

        (first.Status, first.ResolvedAt, first.ResolvedBy, first.Reply, first.Text) = (CorrectionStatus.Resolved, Noon, "staff:lin", "已补录", null);
        store.UpdateCorrection(first);
        Assert.Equal([second.Id], store.OpenCorrections().Select(c => c.Id));
        var read = Assert.Single(store.CorrectionsOf("V001"));
        Assert.Equal((CorrectionStatus.Resolved, "已补录", (string?)null, "R1"), (read.Status, read.Reply, read.Text, read.RecordId));
    }

    [SkippableFact]
    public void An_exclusive_change_is_one_transaction_with_its_audit_line_and_changes_of_one_name_take_turns()
    {
        var (store, audit) = Stores();
        Assert.Throws<InvalidOperationException>(() => store.Exclusively<int>("import", () =>
        {
            store.AddRecord(Record("R1", "V001"));
            store.AddEntry(Entry("hours:x", "V001", 2m));
            audit.Append(new AuditEntry { At = Noon, Actor = "tester", Action = "hours.import", Subject = "hours-import:X" });
            throw new InvalidOperationException("failed half-way");
        }));
        Assert.Null(store.FindRecord(HourRecord.KeyOf("嵊州市", "R1")));
        Assert.Empty(store.LedgerOf("V001"));
        Assert.Empty(audit.Trail("hours-import:X"));

        // Twenty read-then-write changes of one volunteer's points through two instances: none is lost.
        var other = SameRecords(store);
        Parallel.For(0, 20, i =>
        {
            var hours = i % 2 == 0 ? store : other;
            hours.Exclusively("volunteer:V001", () =>
            {
                var count = hours.LedgerOf("V001").Count;
                hours.AddEntry(Entry($"hours:{count}", "V001", 1m));
                return 0;
            });
        });
        Assert.Equal(20, store.LedgerOf("V001").Count);
    }

    [SkippableFact]
    public void The_audit_log_is_read_newest_first_by_subject_or_actor_and_keeps_a_moved_line_once()
    {
        var (_, audit) = Stores();
        var lines = Enumerable.Range(0, 4).Select(i => new AuditEntry
        {
            At = Noon.AddMinutes(i), Actor = i % 2 == 0 ? "staff:lin" : "wechat", Action = "hours.redeem", Subject = i < 3 ? "order:DH1" : "order:DH2", Detail = "T5", Owner = "volunteer:V001",
        }).ToList();
        foreach (var line in lines) audit.Append(line);
        Assert.All(lines, l => Assert.Matches("^[0-9a-f]{24}$", l.Id));
        Assert.Equal(4, lines.Select(l => l.Id).Distinct().Count());

        Assert.Equal([lines[3].Id, lines[2].Id, lines[1].Id], audit.Recent(3, null, null).Select(e => e.Id));
        Assert.Equal([lines[2].Id, lines[0].Id], audit.Recent(10, "order:DH1", "staff:lin").Select(e => e.Id));
        var trail = audit.Trail("order:DH1");
        Assert.Equal([lines[0].Id, lines[1].Id, lines[2].Id], trail.Select(e => e.Id));
        Assert.Equal(("staff:lin", "hours.redeem", "T5", "volunteer:V001", Noon), (trail[0].Actor, trail[0].Action, trail[0].Detail, trail[0].Owner, trail[0].At));

        var moved = new AuditEntry { Id = "5f0000000000000000000001", At = Noon.AddDays(-30), Actor = "sz", Action = "hours.revoke", Subject = "hour-record:R9" };
        audit.Keep([moved]);
        audit.Keep([moved]);
        Assert.Equal("5f0000000000000000000001", Assert.Single(audit.Trail("hour-record:R9")).Id);
    }
}

public sealed class LiteDbHoursStoreContractTests : HoursStoreContractTests
{
    protected override (IHoursStore Hours, IAuditStore Audit) Stores()
    {
        var db = NewLiteRecords("hours-contract");
        var audit = new LiteAuditStore(db);
        var log = new AuditLog(audit, new FakeTimeProvider());
        return (new LiteHoursStore(db, new NoVolunteers(), log), audit);
    }

    protected override IHoursStore SameRecords(IHoursStore store) => store;
}

public sealed class PostgresHoursStoreContractTests : HoursStoreContractTests
{
    protected override (IHoursStore Hours, IAuditStore Audit) Stores()
    {
        var records = NewPostgresRecords();
        return (new PostgresHoursStore(records), new PostgresAuditStore(records));
    }

    protected override IHoursStore SameRecords(IHoursStore store) => new PostgresHoursStore(SamePostgresRecords());

    [SkippableFact]
    public void The_audit_table_refuses_an_update_or_a_delete_whoever_tries()
    {
        var (_, audit) = Stores();
        audit.Append(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "staff:lin", Action = "ticket.view", Subject = "ticket:QQ1" });
        using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        Assert.Contains("append-only", Assert.Throws<Npgsql.PostgresException>(() => connection.Execute("UPDATE audit_log SET actor = 'someone else'")).MessageText);
        Assert.Contains("append-only", Assert.Throws<Npgsql.PostgresException>(() => connection.Execute("DELETE FROM audit_log")).MessageText);
        Assert.Equal("staff:lin", Assert.Single(audit.Trail("ticket:QQ1")).Actor);
    }
}

/// <summary>No roster: the LiteDB store asks it only for records of versions before districts (none here).</summary>
internal sealed class NoVolunteers : IVolunteerDirectory
{
    public string? VolunteerIdFor(string openId) => null;
    public string? DistrictOf(string volunteerId) => null;
    public bool InScope(string volunteerId, ChatAssistant.Staff.StaffScope scope) => false;
}
