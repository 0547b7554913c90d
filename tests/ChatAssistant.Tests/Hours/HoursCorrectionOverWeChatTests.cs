using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatAssistant.Adapters.WeChat;
using ChatAssistant.Escalation;
using ChatAssistant.Guide;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Issue item 7 over the real WeChat endpoint (now Sat 2026-12-05, Beijing): a bound volunteer who says a record is wrong
/// or missing sees their records of that date (or their latest ones), files a correction request in a few replies, and
/// staff find it in the hours review queue and answer it. Nobody is handed to a person by accident; an unbound user is
/// told how to bind and gets the guide's answer about missing hours.
/// </summary>
public sealed class HoursCorrectionOverWeChatTests(HoursAssistant assistant) : IClassFixture<HoursAssistant>
{
    private const string Library = "11月20日 09:00–12:00 图书馆整理（嵊州团市委）3 小时，已计入";
    private const string Sorting = "11月21日 14:00–16:00 垃圾分类宣传（嵊州团市委）2 小时，已计入";

    private async Task<WeChatChat> VolunteerWithTwoRecordsAsync(string volunteerId, string openId)
    {
        assistant.Volunteer(volunteerId,
            $"{volunteerId}-A,{volunteerId},图书馆整理,嵊州团市委,2026-11-20,09:00,12:00,3",
            $"{volunteerId}-B,{volunteerId},垃圾分类宣传,嵊州团市委,2026-11-21,14:00,16:00,2");
        return await assistant.BoundAsync(volunteerId, openId);
    }

    private HoursCorrection CorrectionOf(string volunteerId) =>
        Assert.Single(assistant.Get<IHoursStore>().CorrectionsOf(volunteerId));

    private static async Task<JsonElement[]> ReviewAsync(HttpClient staff) =>
        JsonDocument.Parse(await staff.GetStringAsync("/api/staff/hours/review")).RootElement.EnumerateArray().ToArray();

    [Fact]
    public async Task Library_should_have_been_four_hours_files_a_correction_that_staff_review_and_answer()
    {
        var volunteer = await VolunteerWithTwoRecordsAsync("V301", "oHoursLibrary");

        var statement = await volunteer.SayAsync("图书馆那次应该是4小时不是3小时");
        Assert.DoesNotContain(GuideTexts.NotSure, statement);
        Assert.Contains($"{HoursCorrectionTexts.RecentHeading}\n1. {Sorting}\n2. {Library}\n3. {HoursCorrectionTexts.MissingOption}\n{HoursCorrectionTexts.WhichRecord}", statement);

        // The message said what is wrong: it is the request's words, not asked again.
        Assert.Contains(HoursCorrectionTexts.Confirm(Library, "图书馆那次应该是4小时不是3小时"), await volunteer.SayAsync("2"));
        var filed = await volunteer.SayAsync("是");
        var correction = CorrectionOf("V301");
        Assert.Contains(HoursCorrectionTexts.Filed(correction.Number), filed);
        Assert.Equal(("V301-A", "2026-11-20", CorrectionStatus.Open), (correction.RecordId, correction.Date, correction.Status));
        Assert.StartsWith("v2.", correction.Text); // the words are encrypted at rest
        Assert.Null(assistant.Get<EscalationStore>().Latest(WeChatAdapter.ChannelId, "oHoursLibrary"));

        using var shengzhou = assistant.Staff("sz-library", "嵊州市");
        using var jinhua = assistant.Staff("jh-library", "金华市");
        var row = Assert.Single(await ReviewAsync(shengzhou), r => r.GetProperty("kind").GetString() == "correction" && r.GetProperty("number").GetString() == correction.Number);
        Assert.Equal("V301-A", row.GetProperty("recordId").GetString());
        Assert.False(row.TryGetProperty("text", out _)); // the queue lists no words
        Assert.DoesNotContain(await ReviewAsync(jinhua), r => r.GetProperty("kind").GetString() == "correction" && r.GetProperty("number").GetString() == correction.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await jinhua.GetAsync($"/api/staff/hours/corrections/{correction.Number}")).StatusCode);

        var detail = JsonDocument.Parse(await shengzhou.GetStringAsync($"/api/staff/hours/corrections/{correction.Number}")).RootElement;
        Assert.Equal("图书馆那次应该是4小时不是3小时", detail.GetProperty("text").GetString());

        var resolved = await shengzhou.PostAsJsonAsync($"/api/staff/hours/corrections/{correction.Number}/resolve", new { reply = "已与组织方核实，按 4 小时补录。" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Contains(HoursCorrectionTexts.Resolved(correction.Number, "已与组织方核实，按 4 小时补录。"), assistant.WeChat.Api.TextsTo("oHoursLibrary"));
        Assert.DoesNotContain(await ReviewAsync(shengzhou), r => r.GetProperty("kind").GetString() == "correction" && r.GetProperty("number").GetString() == correction.Number);
        Assert.Null(CorrectionOf("V301").Text); // the words are deleted once answered
        Assert.Equal(HttpStatusCode.Conflict, (await shengzhou.PostAsJsonAsync($"/api/staff/hours/corrections/{correction.Number}/resolve", new { reply = "再答一次" })).StatusCode);
    }

    [Fact]
    public async Task Hours_missing_for_a_date_shows_that_day_and_files_a_request_for_the_missing_activity()
    {
        var volunteer = await VolunteerWithTwoRecordsAsync("V302", "oHoursMissing");

        var statement = await volunteer.SayAsync("时长少了 11月28号那次没有");
        Assert.DoesNotContain(GuideTexts.NotSure, statement);
        Assert.Contains(HoursCorrectionTexts.NoneOn("11月28日") + "\n" + HoursCorrectionTexts.RecentHeading, statement);
        Assert.Contains($"3. {HoursCorrectionTexts.MissingOption}", statement);

        Assert.Contains(HoursCorrectionTexts.Confirm(HoursCorrectionTexts.MissingOn("11月28日"), "时长少了 11月28号那次没有"), await volunteer.SayAsync("3"));
        await volunteer.SayAsync("是");
        var correction = CorrectionOf("V302");
        Assert.Equal((null, "2026-11-28"), (correction.RecordId, correction.Date));

        using var staff = assistant.Staff("sz-missing", "嵊州市");
        var row = Assert.Single(await ReviewAsync(staff), r => r.GetProperty("kind").GetString() == "correction" && r.GetProperty("number").GetString() == correction.Number);
        Assert.True(row.GetProperty("missingRecord").GetBoolean());
    }

    [Fact]
    public async Task A_named_date_with_records_shows_that_days_statement()
    {
        var volunteer = await VolunteerWithTwoRecordsAsync("V303", "oHoursDay");
        var statement = await volunteer.SayAsync("11月20日的时长算错了");
        Assert.Contains($"{HoursCorrectionTexts.RecordsOn("11月20日")}\n1. {Library}\n2. {HoursCorrectionTexts.MissingOption}", statement);
        Assert.DoesNotContain("垃圾分类宣传", statement);
    }

    [Fact]
    public async Task A_short_complaint_asks_what_is_wrong_and_no_files_nothing()
    {
        var volunteer = await VolunteerWithTwoRecordsAsync("V304", "oHoursShort");
        Assert.Contains(HoursCorrectionTexts.WhichRecord, await volunteer.SayAsync("时长不对"));
        Assert.Contains(HoursCorrectionTexts.AskWords, await volunteer.SayAsync("1"));
        // Its own words inside the flow are the answer, not a new start.
        Assert.Contains(HoursCorrectionTexts.Confirm(Sorting, "应该是3小时，时长少算了1小时"), await volunteer.SayAsync("应该是3小时，时长少算了1小时"));
        Assert.Contains(HoursCorrectionTexts.NotFiled, await volunteer.SayAsync("否"));
        Assert.Empty(assistant.Get<IHoursStore>().CorrectionsOf("V304"));
    }

    [Fact]
    public async Task An_unbound_user_is_told_how_to_bind_and_gets_the_guides_answer_and_no_hand_off()
    {
        var user = assistant.User("oHoursUnbound");
        foreach (var complaint in new[] { "我的时长少了2小时", "图书馆那次应该是4小时不是3小时", "时长少了 11月28号那次没有" })
        {
            var reply = await user.SayAsync(complaint);
            Assert.Contains(IdentityTexts.NotBound(RosterKind.Volunteer), reply);
            Assert.Contains("时长要组织方确认后才到账", reply);
            Assert.DoesNotContain(GuideTexts.NotSure, reply);
        }
        Assert.Null(assistant.Get<EscalationStore>().Latest(WeChatAdapter.ChannelId, "oHoursUnbound"));
    }
}
