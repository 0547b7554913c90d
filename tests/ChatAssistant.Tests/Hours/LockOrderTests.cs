using ChatAssistant.Hours;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// LiteDB takes a collection's write lock at the first write and keeps it until commit, so two transactions that
/// write two collections in opposite orders can deadlock (until LiteDB's 60 s lock timeout). These loops run the
/// pairs that used to write in opposite orders side by side; the bound is generous, a deadlock blows it.
/// </summary>
public sealed class LockOrderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Redemptions_and_staff_cancellations_running_together_finish_with_correct_balances()
    {
        await using var kit = HoursKit.Create(new Dictionary<string, string?> { ["Hours:PointsPerHour"] = "100" });
        kit.GiveHours("V001", 20); // 2000 points: 400 redemptions of T5
        kit.GiveHours("V002", 20);
        var service = kit.Get<RedemptionService>();
        const int rounds = 150;
        var toCancel = Enumerable.Range(0, rounds).Select(_ => service.Redeem("V002", "T5").Order!.OrderNo).ToList();
        using var start = new ManualResetEventSlim();
        using var timeout = new CancellationTokenSource(Bound);

        var redeem = Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < rounds && !timeout.IsCancellationRequested; i++)
                Assert.Equal(RedeemStatus.Placed, service.Redeem("V001", "T5").Status);
        });
        var cancel = Task.Run(() =>
        {
            start.Wait();
            foreach (var orderNo in toCancel.TakeWhile(_ => !timeout.IsCancellationRequested))
                Assert.Equal(DecisionOutcome.Done, service.Cancel(orderNo, "alice", "缺货", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        });
        start.Set();
        await Task.WhenAll(redeem, cancel).WaitAsync(timeout.Token);

        Assert.Equal(new PointsBalance(2000m, 5m * rounds), kit.Ledger.Points("V001"));
        Assert.Equal(new PointsBalance(2000m, 0m), kit.Ledger.Points("V002"));
    }

    [Fact]
    public async Task Revoking_records_while_other_records_are_imported_finishes_with_correct_hours()
    {
        await using var kit = HoursKit.Create();
        const int rounds = 100;
        // One-hour records, ten a day from 08:00, so no integrity rule flags them.
        static string Row(string prefix, string volunteer, int i) =>
            $"{prefix}{i},{volunteer},服务{i},嵊州团市委,2026-0{1 + i / 50}-{1 + i % 50 / 10:D2},{8 + i % 10:D2}:00,{9 + i % 10:D2}:00,1";
        var seeded = kit.Import(HoursKit.Csv([.. Enumerable.Range(0, rounds).Select(i => Row("A", "V001", i))]));
        Assert.Equal((true, rounds, 0), (seeded.Ok, seeded.Added, seeded.Flagged));
        var review = kit.Get<HoursReview>();
        using var start = new ManualResetEventSlim();
        using var timeout = new CancellationTokenSource(Bound);

        var revoke = Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < rounds && !timeout.IsCancellationRequested; i++)
                Assert.Equal(DecisionOutcome.Done, review.Revoke($"A{i}", "alice", "活动未开展", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        });
        var import = Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < rounds && !timeout.IsCancellationRequested; i++)
                Assert.Equal(1, kit.Import(HoursKit.Csv(Row("B", "V002", i))).Added);
        });
        start.Set();
        await Task.WhenAll(revoke, import).WaitAsync(timeout.Token);

        Assert.Equal(0m, kit.Ledger.Hours("V001").TotalHours);
        Assert.Equal(rounds, kit.Ledger.Hours("V002").TotalHours);
    }
}
