using System.Text;
using ChatAssistant.Conversation.Flows;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// The minors of the same pass over the real WeChat endpoint (now Sat 2026-12-05, Beijing): a record of another year
/// shows its year, a statement is in date order whatever the import order, and an item the volunteer cannot afford is
/// said so with the ones they can, the catalogue listing those first.
/// </summary>
public sealed class HoursMinorsOverWeChatTests(HoursAssistant assistant) : IClassFixture<HoursAssistant>
{
    [Fact]
    public async Task A_record_of_another_year_shows_its_year_and_the_statement_is_in_date_order()
    {
        assistant.Volunteer("V310", "V310-A,V310,垃圾分类宣传,嵊州团市委,2026-11-21,14:00,16:00,2");
        // Imported later, but done earlier: the statement puts them before.
        assistant.Time.Advance(TimeSpan.FromMinutes(1));
        assistant.Import("V310-B,V310,敬老院探访,邻舍+志愿服务队,2025-06-01,09:00,12:00,3", "V310-C,V310,河道清洁,嵊州团市委,2026-10-02,08:00,10:00,2");
        var volunteer = await assistant.BoundAsync("V310", "oHoursYears");

        var hours = await volunteer.SayAsync("我的时长");
        Assert.Contains("· 2025年6月1日 敬老院探访（邻舍+志愿服务队）3 小时", hours);
        Assert.Contains("· 11月21日 垃圾分类宣传（嵊州团市委）2 小时", hours);
        Assert.Contains("· 10月2日 河道清洁", hours);

        using var staff = assistant.Staff("sz-statement", "嵊州市");
        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync("/api/staff/hours/volunteers/V310/statement")).TrimStart('\uFEFF');
        var dates = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).Where(d => d.Length == 10).ToList();
        Assert.Equal(["2025-06-01", "2026-10-02", "2026-11-21"], dates);
    }

    [Fact]
    public async Task Picking_an_item_beyond_the_points_says_so_and_offers_the_affordable_ones_listed_first()
    {
        assistant.Volunteer("V320",
            "V320-A,V320,社区服务,嵊州团市委,2026-11-10,08:00,14:00,6",
            "V320-B,V320,社区服务二,嵊州团市委,2026-11-11,08:00,14:00,6");
        var volunteer = await assistant.BoundAsync("V320", "oHoursRedeem");

        var catalogue = await volunteer.SayAsync("兑换");
        Assert.Contains("现在就能兑换：\n【5 积分】\n1. 环保袋（生活用品）\n2. 徽章（志愿文创）\n【10 积分】\n3. 笔记本（学习文具）\n积分攒够后可以兑换：\n【30 积分】\n4. 文化衫（志愿文创）", catalogue);

        const string refusal = "「文化衫」需要 30 积分，你现在可用 12 积分，还差 18 分，暂时换不了。\n你现在可以换：1. 环保袋（5 积分）、2. 徽章（5 积分）、3. 笔记本（10 积分）";
        // Said as often as the volunteer tries: an answer, not a failed attempt that ends the exchange.
        for (var i = 0; i < 4; i++)
        {
            var reply = await volunteer.SayAsync("4");
            Assert.Contains(refusal, reply);
            Assert.DoesNotContain(FlowTexts.TooManyAttempts("积分兑换"), reply);
        }
        Assert.Contains("兑换后还剩 2 积分", await volunteer.SayAsync("3"));
    }
}
