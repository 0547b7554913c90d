using ChatAssistant.Audit;
using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Two assistants whose hours records and audit log are one PostgreSQL database: points are spent once however many
/// instances take redemptions at once, hours imported through one are redeemed through the other, and every
/// decision's audit line is there exactly once.
/// </summary>
public sealed class HoursAcrossInstancesTests : IDisposable
{
    private readonly TempDirectory _catalogue = new("hours-across");
    private PostgresDatabase? _database;

    public void Dispose()
    {
        _database?.Dispose();
        _catalogue.Dispose();
    }

    private Task<AssistantServer> StartAsync()
    {
        _database ??= PostgresServer.CreateDatabase(); // in the test, so a missing PostgreSQL skips it (fails under CI=true)
        File.WriteAllText(_catalogue.File("catalogue.yaml"), HoursKit.TestCatalogue);
        var settings = new Dictionary<string, string?>(_database.Settings()) { ["Hours:CatalogueFile"] = _catalogue.File("catalogue.yaml") };
        return AssistantServer.StartAsync(settings);
    }

    [SkippableFact]
    public async Task Twenty_redemptions_through_two_instances_with_points_for_three_place_exactly_three_orders()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        Assert.True(a.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\n")).Ok);
        // 15 hours (15 points) imported through B; T5 costs 5.
        var csv = HoursKit.Csv(Enumerable.Range(0, 8).Select(i =>
            $"G-{i},V001,社区服务{i},嵊州团市委,2026-10-{1 + i:D2},09:00,{(i < 7 ? 11 : 10):D2}:00,{(i < 7 ? 2 : 1)}").ToArray());
        var imported = b.Get<HoursImporter>().Import(new StringReader(csv), "tester", StaffScope.Everything);
        Assert.True(imported.Ok);
        Assert.Equal(new PointsBalance(15m, 0m), a.Get<HoursLedger>().Points("V001"));

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
        {
            start.Wait();
            return (i % 2 == 0 ? a : b).Get<RedemptionService>().Redeem("V001", "T5");
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(3, results.Count(r => r.Status == RedeemStatus.Placed));
        Assert.Equal(17, results.Count(r => r.Status == RedeemStatus.InsufficientPoints));
        Assert.All(results, r => Assert.True(r.Balance.Available >= 0));
        Assert.Equal(3, b.Get<IHoursStore>().Orders(null).Count);
        Assert.Equal(3, results.Where(r => r.Order is not null).Select(r => r.Order!.OrderNo).Distinct().Count());
        Assert.Equal(new PointsBalance(15m, 15m), b.Get<HoursLedger>().Points("V001"));
        Assert.Equal(3, a.Get<AuditLog>().Recent(100).Count(e => e.Action == HoursAudit.Prefix + "redeem"));

        // Staff cancel one through A: its points come back, seen through B.
        var order = results.First(r => r.Order is not null).Order!;
        Assert.Equal(DecisionOutcome.Done, a.Get<RedemptionService>().Cancel(order.OrderNo, "staff:lin", "缺货", StaffScope.Everything).Outcome);
        Assert.Equal(DecisionOutcome.Conflict, b.Get<RedemptionService>().Cancel(order.OrderNo, "staff:wang", "重复", StaffScope.Everything).Outcome);
        Assert.Equal(new PointsBalance(15m, 10m), b.Get<HoursLedger>().Points("V001"));
    }
}
