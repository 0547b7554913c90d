using ChatAssistant.Hours;

namespace ChatAssistant.Tests.Hours;

public sealed class HoursImportTests
{
    [Fact]
    public async Task A_clean_file_is_imported_verified_and_credited_to_the_ledger()
    {
        await using var kit = HoursKit.Create();
        var result = kit.Import(HoursKit.Csv(
            "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2",
            "R2,V001,敬老院探访,邻舍+志愿服务队,2026-11-21,14:00,17:30,3.5",
            "R3,V002,交通劝导,嵊州团市委,2025-12-31,08:00,10:00,2"));

        Assert.True(result.Ok);
        Assert.Equal((3, 0, 0), (result.Added, result.Skipped, result.Flagged));
        Assert.All(kit.AllRecords, r => Assert.Equal(RecordStatus.Verified, r.Status));
        var v1 = kit.Ledger.Hours("V001");
        Assert.Equal(5.5m, v1.TotalHours);
        Assert.Equal(5.5m, v1.YearHours);
        Assert.Equal(5.5m, kit.Ledger.Points("V001").Available);
        Assert.Equal(2m, kit.Ledger.Hours("V002").TotalHours);
        Assert.Equal(0m, kit.Ledger.Hours("V002").YearHours); // 2025, and "now" is 2026 in Beijing
        Assert.Equal(3, kit.LedgerCount);
    }

    [Fact]
    public async Task Chinese_headers_in_another_order_with_a_BOM_are_accepted()
    {
        await using var kit = HoursKit.Create();
        var csv = "\uFEFF志愿者编号,记录编号,活动名称,组织单位,日期,开始时间,结束时间,时长\n"
            + "V001,R1,图书整理,嵊州图书馆,2026/11/3,9:00,11:30,2.5小时\n";
        var result = kit.Import(csv);
        Assert.True(result.Ok, string.Join("; ", result.Errors.Select(e => e.Message)));
        var record = kit.Record("R1");
        Assert.Equal(("V001", "2026-11-03", 540, 690, 2.5m), (record.VolunteerId, record.Date, record.StartMinute, record.EndMinute, record.Hours));
    }

    [Fact]
    public async Task A_file_with_bad_lines_imports_nothing_and_names_every_bad_line()
    {
        await using var kit = HoursKit.Create();
        var result = kit.Import(HoursKit.Csv(
            "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2",  // line 2: fine
            "R2,V001,敬老院探访,嵊州团市委,2026-13-01,09:00,11:00,2",    // line 3: no 13th month
            "R3,V001,交通劝导,嵊州团市委,2026-11-02,9点,11:00,2",         // line 4: time
            "R4,,交通劝导,嵊州团市委,2026-11-02,09:00,11:00,2",           // line 5: no volunteer
            "R5,V404,交通劝导,嵊州团市委,2026-11-02,09:00,11:00,2",       // line 6: not on the roster
            "R6,V001,交通劝导,嵊州团市委,2026-11-03,09:00,11:00,两小时",   // line 7: hours
            "R1,V001,别的活动,嵊州团市委,2026-11-20,09:00,11:00,2"));     // line 8: same id, other content

        Assert.False(result.Ok);
        Assert.Equal([3, 4, 5, 6, 7, 8], result.Errors.Select(e => e.Line));
        Assert.Contains("2026-13-01", result.Errors[0].Message);
        Assert.Contains("开始时间", result.Errors[1].Message);
        Assert.Contains("志愿者编号为空", result.Errors[2].Message);
        Assert.Contains("V404", result.Errors[3].Message);
        Assert.Contains("两小时", result.Errors[4].Message);
        Assert.Contains("第 2 行", result.Errors[5].Message);
        Assert.Equal(0, kit.RecordCount);
        Assert.Equal(0, kit.LedgerCount);
    }

    [Fact]
    public async Task A_header_without_the_required_columns_is_refused_on_line_1()
    {
        await using var kit = HoursKit.Create();
        var result = kit.Import("record_id,volunteer_id,activity\nR1,V001,x\n");
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("organiser", error.Message);
        Assert.Contains("hours", error.Message);
    }

    [Fact]
    public async Task A_re_import_adds_nothing_and_a_changed_record_is_reported_not_applied()
    {
        await using var kit = HoursKit.Create();
        var csv = HoursKit.Csv(
            "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2",
            "R2,V001,敬老院探访,嵊州团市委,2026-11-21,09:00,11:00,2");
        Assert.True(kit.Import(csv).Ok);

        var again = kit.Import(csv);
        Assert.True(again.Ok);
        Assert.Equal((0, 2), (again.Added, again.Skipped));
        Assert.Equal(4m, kit.Ledger.Hours("V001").TotalHours);

        var changed = kit.Import(HoursKit.Csv("R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,13:00,4"));
        Assert.True(changed.Ok);
        Assert.Equal(0, changed.Added);
        Assert.Contains("R1", Assert.Single(changed.Warnings).Message);
        Assert.Equal(4m, kit.Ledger.Hours("V001").TotalHours);
        Assert.Equal(2, kit.LedgerCount);
    }

    [Fact]
    public async Task The_same_line_twice_in_one_file_counts_once()
    {
        await using var kit = HoursKit.Create();
        var line = "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2";
        var result = kit.Import(HoursKit.Csv(line, line));
        Assert.True(result.Ok);
        Assert.Equal(1, result.Added);
        Assert.Equal(2m, kit.Ledger.Hours("V001").TotalHours);
    }

    [Fact]
    public async Task Staff_of_a_district_cannot_import_hours_of_another_districts_volunteer()
    {
        await using var kit = HoursKit.Create();
        var result = kit.Import(HoursKit.Csv(
            "R1,V001,垃圾分类宣传,嵊州团市委,2026-11-20,09:00,11:00,2",
            "R2,V900,文明劝导,金华团市委,2026-11-20,09:00,11:00,2"), scope: "嵊州市");
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("嵊州市", error.Message);
        Assert.Equal(0, kit.RecordCount);
    }
}
