using ChatAssistant.Tests.Support;
using ChatAssistant.Hours;
using LiteDB;

namespace ChatAssistant.Tests.Hours;

/// <summary>Review and redemption with the records in LiteDB; <see cref="ReviewAndRedemptionOnPostgresTests"/> runs them all on PostgreSQL.</summary>
public class ReviewAndRedemptionTests : IDisposable
{
    /// <summary>The settings of the records (none: LiteDB).</summary>
    protected virtual Dictionary<string, string?> Records() => [];

    private HoursKit Kit(Dictionary<string, string?>? settings = null)
    {
        var all = Records();
        foreach (var (key, value) in settings ?? []) all[key] = value;
        return HoursKit.Create(all);
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private const string Flagged = "X1,V001,交通劝导,嵊州团市委,2026-11-21,09:00,11:00,5"; // hours_mismatch

    [Fact]
    public async Task Approving_a_flagged_record_counts_it_once_and_is_audited()
    {
        await using var kit = Kit();
        kit.Import(HoursKit.Csv(Flagged));
        var review = kit.Get<HoursReview>();
        Assert.Equal("X1", Assert.Single(review.Queue(ChatAssistant.Staff.StaffScope.Everything)).RecordId);

        Assert.Equal(DecisionOutcome.ReasonRequired, review.Approve("X1", "alice", " ", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Done, review.Approve("X1", "alice", "核对签到表，活动实际持续 5 小时", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Conflict, review.Approve("X1", "alice", "again", ChatAssistant.Staff.StaffScope.Everything).Outcome);

        Assert.Equal(5m, kit.Ledger.Hours("V001").TotalHours);
        Assert.Empty(review.Queue(ChatAssistant.Staff.StaffScope.Everything));
        var audit = Assert.Single(kit.Decisions, a => a.Subject == HoursAudit.RecordSubject(HoursKit.Key("X1")));
        Assert.Equal(("alice", "hours.approve", "volunteer:V001", "核对签到表，活动实际持续 5 小时"), (audit.Actor, audit.Action, audit.Owner, audit.Detail));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8)), audit.At);
    }

    [Fact]
    public async Task A_revoked_record_never_counts_and_revoking_a_counted_one_reverses_it_in_the_ledger()
    {
        await using var kit = Kit();
        kit.Import(HoursKit.Csv(Flagged, "R1,V001,社区清洁,嵊州团市委,2026-11-20,09:00,11:00,2"));
        var review = kit.Get<HoursReview>();

        Assert.Equal(DecisionOutcome.Done, review.Revoke("X1", "alice", "虚报时长", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Conflict, review.Approve("X1", "bob", "想批准", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(2m, kit.Ledger.Hours("V001").TotalHours);
        Assert.Equal(0m, kit.Ledger.Hours("V001").PendingHours);

        Assert.Equal(DecisionOutcome.Done, review.Revoke("R1", "alice", "活动未实际开展", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(0m, kit.Ledger.Hours("V001").TotalHours);
        Assert.Equal(0m, kit.Ledger.Points("V001").Earned);
        // Append-only: the credit is still there, a reversal sits next to it.
        Assert.NotNull(kit.Store.FindEntry(LedgerEntry.CreditKey(HoursKit.Key("R1"))));
        Assert.Equal(-2m, kit.Store.FindEntry(LedgerEntry.ReversalKey(HoursKit.Key("R1")))!.Hours);
        Assert.Equal(2, kit.Decisions.Count(a => a.Action == "hours.revoke"));
    }

    [Fact]
    public async Task Points_follow_the_configured_rate()
    {
        await using var kit = Kit(new Dictionary<string, string?> { ["Hours:PointsPerHour"] = "2" });
        kit.GiveHours("V001", 3);
        Assert.Equal(new PointsBalance(6m, 0m), kit.Ledger.Points("V001"));
    }

    [Fact]
    public async Task Twenty_parallel_redemptions_with_points_for_three_place_exactly_three_orders()
    {
        await using var kit = Kit();
        kit.GiveHours("V001", 15); // 15 points; T5 costs 5
        var service = kit.Get<RedemptionService>();
        using var start = new ManualResetEventSlim();

        var tasks = Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return service.Redeem("V001", "T5");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(3, results.Count(r => r.Status == RedeemStatus.Placed));
        Assert.Equal(17, results.Count(r => r.Status == RedeemStatus.InsufficientPoints));
        Assert.All(results, r => Assert.True(r.Balance.Available >= 0));
        Assert.Equal(3, kit.Store.Orders(null).Count);
        Assert.Equal(3, results.Where(r => r.Order is not null).Select(r => r.Order!.OrderNo).Distinct().Count());
        Assert.Equal(new PointsBalance(15m, 15m), kit.Ledger.Points("V001"));
    }

    [Fact]
    public async Task Cancelling_an_order_returns_the_points_with_a_reversing_entry()
    {
        await using var kit = Kit();
        kit.GiveHours("V001", 12);
        var service = kit.Get<RedemptionService>();
        var order = service.Redeem("V001", "T10").Order!;
        Assert.Equal(2m, kit.Ledger.Points("V001").Available);
        Assert.Matches(@"^DH261126\d{4}$", order.OrderNo);

        Assert.Equal(DecisionOutcome.ReasonRequired, service.Cancel(order.OrderNo, "alice", "", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.NotFound, service.Cancel(order.OrderNo, "carol", "不在辖区", ChatAssistant.Staff.StaffScope.County("金华市")).Outcome);
        Assert.Equal(DecisionOutcome.Done, service.Cancel(order.OrderNo, "alice", "物品缺货", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Conflict, service.Fulfil(order.OrderNo, "alice", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Conflict, service.Cancel(order.OrderNo, "alice", "再取消一次", ChatAssistant.Staff.StaffScope.Everything).Outcome);

        Assert.Equal(new PointsBalance(12m, 0m), kit.Ledger.Points("V001"));
        Assert.Equal(10m, kit.Store.FindEntry(LedgerEntry.ReturnKey(order.OrderNo))!.Points);
        Assert.Equal(OrderStatus.Cancelled, kit.Store.FindOrder(order.OrderNo)!.Status);
    }

    [Fact]
    public async Task The_ledger_refuses_a_second_entry_with_the_same_source_key()
    {
        await using var kit = Kit();
        kit.GiveHours("V001", 2);
        var credit = kit.Store.FindEntry(LedgerEntry.CreditKey(HoursKit.Key("G-V001-0")));
        Assert.Throws<ChatAssistant.Storage.DuplicateRecordException>(() => kit.Store.AddEntry(credit!));
    }
}

public sealed class ReviewAndRedemptionOnPostgresTests : ReviewAndRedemptionTests
{
    private readonly PostgresDatabases _databases = new();

    protected override Dictionary<string, string?> Records() => _databases.NewSettings();

    public override void Dispose()
    {
        _databases.Dispose();
        base.Dispose();
    }
}
