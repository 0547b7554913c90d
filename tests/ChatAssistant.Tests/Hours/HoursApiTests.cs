using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hours;

/// <summary>The staff API over real HTTP (Kestrel on 127.0.0.1), bearer tokens as scripts use them.</summary>
public sealed class HoursApiTests : IAsyncLifetime
{
    private AssistantServer _server = null!;
    private TempDirectory _dir = null!;

    public async Task InitializeAsync()
    {
        _dir = new TempDirectory("ca-hours-api");
        File.WriteAllText(_dir.File("catalogue.yaml"), HoursKit.TestCatalogue);
        _server = await AssistantServer.StartAsync(new Dictionary<string, string?> { ["Hours:CatalogueFile"] = _dir.File("catalogue.yaml") });
        var staff = _server.Get<StaffStore>();
        staff.Create("admin", "a long admin password", StaffRoles.Admin, null);
        staff.Create("sz", "a long staff password", StaffRoles.Staff, "嵊州市");
        staff.Create("jh", "a long staff password", StaffRoles.Staff, "金华市");
        Assert.True(_server.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\nV900,赵六,金华市\n")).Ok);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private HttpClient As(string user)
    {
        var client = _server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue(user, "test"));
        return client;
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, string csv) =>
        client.PostAsync("/api/staff/hours/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task The_hours_API_requires_a_signed_in_staff_member()
    {
        using var anonymous = _server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Import(anonymous, HoursKit.Csv())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/staff/hours/review")).StatusCode);
    }

    [Fact]
    public async Task Import_answers_200_with_counts_and_flags_or_400_with_every_bad_line()
    {
        using var sz = As("sz");
        var bad = await Import(sz, HoursKit.Csv("R1,V001,宣传,团市委,2024-05-01,09:00,11:00,2", "R2,V001,宣传,团市委,昨天,09:00,11:00,2"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        Assert.Equal(3, errors[0].GetProperty("line").GetInt32());
        Assert.Contains("昨天", errors[0].GetProperty("message").GetString());

        var good = await Import(sz, HoursKit.Csv("R1,V001,宣传,团市委,2024-05-01,09:00,11:00,2", "R2,V001,探访,团市委,2024-05-02,09:00,11:00,6"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var body = await Json(good);
        Assert.Equal(2, body.GetProperty("added").GetInt32());
        Assert.Equal("hours_mismatch", body.GetProperty("flags")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Review_is_scoped_to_the_staff_members_district_and_decisions_need_a_reason()
    {
        using var admin = As("admin");
        Assert.Equal(HttpStatusCode.OK, (await Import(admin, HoursKit.Csv(
            "X1,V001,宣传,团市委,2024-05-01,09:00,11:00,6",
            "X9,V900,劝导,团市委,2024-05-01,09:00,11:00,6"))).StatusCode);
        using var sz = As("sz");
        using var jh = As("jh");

        var queue = await Json(await sz.GetAsync("/api/staff/hours/review"));
        Assert.Equal(["X1"], queue.EnumerateArray().Select(r => r.GetProperty("recordId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await jh.PostAsJsonAsync("/api/staff/hours/records/X1/approve", new { reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sz.PostAsJsonAsync("/api/staff/hours/records/X1/approve", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sz.PostAsJsonAsync("/api/staff/hours/records/X1/approve", new { reason = "签到表核实" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sz.PostAsJsonAsync("/api/staff/hours/records/X1/approve", new { reason = "再批一次" })).StatusCode);

        var record = await Json(await sz.GetAsync("/api/staff/hours/records/X1"));
        var audit = record.GetProperty("audit");
        Assert.Equal("sz", audit[0].GetProperty("who").GetString());
        Assert.Equal("签到表核实", audit[0].GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await jh.GetAsync("/api/staff/hours/volunteers/V001/statement")).StatusCode);
    }

    [Fact]
    public async Task The_statement_is_UTF8_CSV_with_a_BOM_listing_hours_orders_and_pending_records()
    {
        using var admin = As("admin");
        await Import(admin, HoursKit.Csv(
            "R1,V001,=HYPERLINK(\"x\"),团市委,2024-05-01,09:00,11:00,2",
            "R2,V001,探访,团市委,2024-05-02,09:00,14:00,5",
            "X1,V001,宣传,团市委,2024-05-03,09:00,11:00,6"));
        var order = _server.Get<RedemptionService>().Redeem("V001", "T5").Order!;

        var response = await admin.GetAsync("/api/staff/hours/volunteers/V001/statement");
        Assert.True(HttpStatusCode.OK == response.StatusCode, _server.Logs.All);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("日期,类别,说明,编号,时长增加,时长扣减,积分收入,积分支出,状态", text);
        Assert.Contains("2024-05-02,志愿服务时长,探访（团市委）,R2,5,,5,,已核验", text);
        Assert.Contains($"积分兑换,环保袋,{order.OrderNo},,,,5,待领取", text);
        Assert.Contains("待审核时长,宣传（团市委）,X1", text);
        Assert.Contains("可用 2 分", text);
        Assert.DoesNotContain(",=HYPERLINK", text); // escaped against formula injection
    }

    [Fact]
    public async Task Reading_a_volunteers_balance_or_statement_is_audited()
    {
        using var sz = As("sz");
        using var admin = As("admin");
        await Import(admin, HoursKit.Csv("R1,V001,探访,团市委,2024-05-02,09:00,14:00,5"));

        Assert.Equal(HttpStatusCode.OK, (await sz.GetAsync("/api/staff/hours/volunteers/V001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sz.GetAsync("/api/staff/hours/volunteers/V001/statement")).StatusCode);

        var rows = _server.Get<ChatAssistant.Audit.AuditLog>().Recent(10, "volunteer:V001");
        Assert.Equal(["hours.statement", "hours.volunteer.view"], rows.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(rows, e => Assert.Equal("staff:sz", e.Actor));
    }

    [Fact]
    public async Task Orders_can_be_listed_fulfilled_and_cancelled_with_the_points_returned()
    {
        using var admin = As("admin");
        await Import(admin, HoursKit.Csv("R1,V001,宣传,团市委,2024-05-01,09:00,19:00,10"));
        var redemptions = _server.Get<RedemptionService>();
        var first = redemptions.Redeem("V001", "T5").Order!;
        var second = redemptions.Redeem("V001", "T5").Order!;
        using var sz = As("sz");
        using var jh = As("jh");

        var placed = await Json(await sz.GetAsync("/api/staff/hours/orders?status=placed"));
        Assert.Equal(2, placed.GetArrayLength());
        Assert.Equal(0, (await Json(await jh.GetAsync("/api/staff/hours/orders"))).GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await sz.PostAsync($"/api/staff/hours/orders/{first.OrderNo}/fulfil", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sz.PostAsJsonAsync($"/api/staff/hours/orders/{second.OrderNo}/cancel", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sz.PostAsJsonAsync($"/api/staff/hours/orders/{second.OrderNo}/cancel", new { reason = "志愿者不需要了" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sz.PostAsJsonAsync($"/api/staff/hours/orders/{first.OrderNo}/cancel", new { reason = "已领取" })).StatusCode);

        var summary = await Json(await sz.GetAsync("/api/staff/hours/volunteers/V001"));
        Assert.Equal(5m, summary.GetProperty("points").GetProperty("spent").GetDecimal());
        Assert.Equal(5m, summary.GetProperty("points").GetProperty("available").GetDecimal());
    }
}
