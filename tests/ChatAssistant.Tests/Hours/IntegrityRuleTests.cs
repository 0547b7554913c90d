using ChatAssistant.Hours;
using ChatAssistant.Hours.Import;

namespace ChatAssistant.Tests.Hours;

/// <summary>Each rule fires on a record crafted to break it, and only it; clean records pass. "Now" is 2026-11-26 10:00 Beijing.</summary>
public sealed class IntegrityRuleTests
{
    // Already stored and clean: V001, 社区清洁, 2026-11-20 09:00–11:00, 2 h.
    private const string Stored = "R0,V001,社区清洁,嵊州团市委,2026-11-20,09:00,11:00,2";

    // A clean neighbour imported with each crafted record: different day, activity and hours that add up.
    private const string Clean = "C1,V001,图书整理,嵊州图书馆,2026-11-22,13:00,15:15,2.2";

    public static TheoryData<string, string> Crafted => new()
    {
        { IntegrityRules.Overlap, "X1,V001,敬老院探访,邻舍+,2026-11-20,10:00,12:00,2" },
        { IntegrityRules.DayOverLimit, "X1,V001,马拉松赛会服务,嵊州团市委,2026-11-20,11:00,22:00,11" },
        { IntegrityRules.EndBeforeStart, "X1,V001,夜间巡逻,嵊州团市委,2026-11-21,18:00,08:00,2" },
        { IntegrityRules.HoursMismatch, "X1,V001,交通劝导,嵊州团市委,2026-11-21,09:00,11:00,5" },
        { IntegrityRules.FutureDate, "X1,V001,周末环保行,嵊州团市委,2026-11-28,09:00,11:00,2" },
        { IntegrityRules.FutureDate, "X1,V001,今天下午的活动,嵊州团市委,2026-11-26,14:00,16:00,2" },
        { IntegrityRules.DuplicateActivity, "X1,V001,社区 清洁,嵊州团市委,2026-11-20,14:00,16:00,2" },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task The_rule_fires_on_its_crafted_record_only_and_the_hours_wait_for_review(string rule, string crafted)
    {
        await using var kit = HoursKit.Create();
        Assert.Equal(0, kit.Import(HoursKit.Csv(Stored)).Flagged);

        var result = kit.Import(HoursKit.Csv(crafted, Clean));

        Assert.True(result.Ok);
        var flag = Assert.Single(result.Flags);
        Assert.Equal((2, "X1", rule), (flag.Line, flag.RecordId, flag.Rule));
        Assert.False(string.IsNullOrWhiteSpace(flag.Reason));
        var x1 = kit.Record("X1");
        Assert.Equal(RecordStatus.Flagged, x1.Status);
        Assert.Equal(rule, Assert.Single(x1.Flags).Rule);
        Assert.Equal(RecordStatus.Verified, kit.Record("C1").Status);
        Assert.Equal(RecordStatus.Verified, kit.Record("R0").Status);

        var hours = kit.Ledger.Hours("V001");
        Assert.Equal(4.2m, hours.TotalHours); // R0 + C1; X1 does not count yet
        Assert.Equal(x1.Hours, hours.PendingHours);
        Assert.Null(kit.Store.FindEntry(LedgerEntry.CreditKey(HoursKit.Key("X1"))));
    }

    [Fact]
    public async Task Reasons_name_the_evidence_staff_need()
    {
        await using var kit = HoursKit.Create();
        kit.Import(HoursKit.Csv(Stored));
        var result = kit.Import(HoursKit.Csv(
            "X1,V001,敬老院探访,邻舍+,2026-11-20,10:00,12:00,2",
            "X2,V001,交通劝导,嵊州团市委,2026-11-21,09:00,11:00,5"));
        Assert.Contains("R0（09:00–11:00）", result.Flags.Single(f => f.RecordId == "X1").Reason);
        Assert.Contains("登记 5 小时", result.Flags.Single(f => f.RecordId == "X2").Reason);
        Assert.Contains("只有 2 小时", result.Flags.Single(f => f.RecordId == "X2").Reason);
    }

    [Fact]
    public async Task Two_overlapping_records_in_one_file_are_both_flagged_but_another_volunteers_are_not()
    {
        await using var kit = HoursKit.Create();
        var result = kit.Import(HoursKit.Csv(
            "A1,V001,活动甲,嵊州团市委,2026-11-20,09:00,11:00,2",
            "A2,V001,活动乙,嵊州团市委,2026-11-20,10:30,12:00,1.5",
            "B1,V002,活动乙,嵊州团市委,2026-11-20,10:30,12:00,1.5"));
        Assert.Equal(["A1", "A2"], result.Flags.Select(f => f.RecordId).Order());
        Assert.All(result.Flags, f => Assert.Equal(IntegrityRules.Overlap, f.Rule));
        Assert.Equal(1.5m, kit.Ledger.Hours("V002").TotalHours);
    }

    [Fact]
    public async Task A_revoked_record_no_longer_blocks_a_corrected_one()
    {
        await using var kit = HoursKit.Create();
        kit.Import(HoursKit.Csv("X1,V001,敬老院探访,邻舍+,2026-11-20,09:00,11:00,5"));
        Assert.Equal(ChatAssistant.Hours.DecisionOutcome.Done, kit.Get<HoursReview>().Revoke("X1", "staff1", "时长登记错误", ChatAssistant.Staff.StaffScope.Everything).Outcome);
        var corrected = kit.Import(HoursKit.Csv("X1b,V001,敬老院探访,邻舍+,2026-11-20,09:00,11:00,2"));
        Assert.Equal(0, corrected.Flagged);
        Assert.Equal(2m, kit.Ledger.Hours("V001").TotalHours);
    }
}
