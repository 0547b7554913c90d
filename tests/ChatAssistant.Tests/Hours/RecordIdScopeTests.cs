using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Hour record ids are the volunteer platform's, and two districts' exports may use the same id: they are kept per
/// district, so neither district learns whether an id exists in another, nor can take another district's record.
/// </summary>
public sealed class RecordIdScopeTests : IAsyncLifetime
{
    private AssistantServer _server = null!;
    private TempDirectory _dir = null!;

    public async Task InitializeAsync()
    {
        _dir = new TempDirectory("ca-hours-ids");
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

    private static async Task<JsonElement> ImportAsync(HttpClient client, params string[] rows)
    {
        var response = await client.PostAsync("/api/staff/hours/import", new StringContent(HoursKit.Csv(rows), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Two_districts_import_the_same_record_id_both_are_kept_and_each_sees_only_its_own()
    {
        using var sz = As("sz");
        using var jh = As("jh");
        var first = await ImportAsync(sz, "R1,V001,垃圾分类宣传,嵊州团市委,2024-05-01,09:00,11:00,2");
        // Another district, the same id, other content: stored as its own, with no word about the first one.
        var second = await ImportAsync(jh, "R1,V900,交通劝导,金华团市委,2024-05-02,14:00,17:00,3");
        Assert.Equal((1, 0), (first.GetProperty("added").GetInt32(), first.GetProperty("skipped").GetInt32()));
        Assert.Equal((1, 0), (second.GetProperty("added").GetInt32(), second.GetProperty("skipped").GetInt32()));
        Assert.Equal(0, second.GetProperty("warnings").GetArrayLength());
        Assert.Equal(2, _server.Get<LiteDB.ILiteDatabase>().GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Count());

        // Each district reads its own record under the id; hours and points went to each volunteer.
        var mine = (await Json(await sz.GetAsync("/api/staff/hours/records/R1"))).GetProperty("record");
        var theirs = (await Json(await jh.GetAsync("/api/staff/hours/records/R1"))).GetProperty("record");
        Assert.Equal(("V001", "垃圾分类宣传"), (mine.GetProperty("volunteerId").GetString(), mine.GetProperty("activity").GetString()));
        Assert.Equal(("V900", "交通劝导"), (theirs.GetProperty("volunteerId").GetString(), theirs.GetProperty("activity").GetString()));
        var ledger = _server.Get<HoursLedger>();
        Assert.Equal((2m, 3m), (ledger.Hours("V001").TotalHours, ledger.Hours("V900").TotalHours));

        // Re-importing is still idempotent within a district.
        Assert.Equal(1, (await ImportAsync(sz, "R1,V001,垃圾分类宣传,嵊州团市委,2024-05-01,09:00,11:00,2")).GetProperty("skipped").GetInt32());
        Assert.Equal(2, _server.Get<LiteDB.ILiteDatabase>().GetCollection(ChatAssistant.Hours.LiteDb.LiteHoursStore.RecordCollection).Count());
    }

    [Fact]
    public async Task A_district_cannot_act_on_or_read_the_trail_of_another_districts_record_of_the_same_id()
    {
        using var sz = As("sz");
        using var jh = As("jh");
        await ImportAsync(sz, "R1,V001,垃圾分类宣传,嵊州团市委,2024-05-01,09:00,11:00,2");
        await ImportAsync(jh, "R1,V900,交通劝导,金华团市委,2024-05-02,14:00,17:00,3");

        // 金华 revokes its R1: 嵊州's R1 still counts, and 嵊州's trail shows nothing of it.
        Assert.Equal(HttpStatusCode.OK, (await jh.PostAsJsonAsync("/api/staff/hours/records/R1/revoke", new { reason = "重复登记" })).StatusCode);
        var ledger = _server.Get<HoursLedger>();
        Assert.Equal((2m, 0m), (ledger.Hours("V001").TotalHours, ledger.Hours("V900").TotalHours));
        var mine = await Json(await sz.GetAsync("/api/staff/hours/records/R1"));
        Assert.Equal("Verified", mine.GetProperty("record").GetProperty("status").GetString());
        Assert.DoesNotContain(mine.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "revoke");
        Assert.Contains("重复登记", (await jh.GetStringAsync("/api/staff/hours/records/R1")));

        // An id only the other district has is simply not found.
        await ImportAsync(jh, "R2,V900,交通劝导,金华团市委,2024-05-03,14:00,17:00,3");
        Assert.Equal(HttpStatusCode.NotFound, (await sz.GetAsync("/api/staff/hours/records/R2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sz.PostAsJsonAsync("/api/staff/hours/records/R2/revoke", new { reason = "试试" })).StatusCode);
        Assert.Equal(3m, ledger.Hours("V900").TotalHours);
    }

    [Fact]
    public async Task An_admin_names_the_district_when_two_districts_have_the_id()
    {
        using var sz = As("sz");
        using var jh = As("jh");
        using var admin = As("admin");
        await ImportAsync(sz, "R1,V001,垃圾分类宣传,嵊州团市委,2024-05-01,09:00,11:00,2");
        await ImportAsync(jh, "R1,V900,交通劝导,金华团市委,2024-05-02,14:00,17:00,3");

        var ambiguous = await admin.GetAsync("/api/staff/hours/records/R1");
        Assert.Equal(HttpStatusCode.Conflict, ambiguous.StatusCode);
        Assert.Contains("district", (await Json(ambiguous)).GetProperty("error").GetString());
        var record = (await Json(await admin.GetAsync("/api/staff/hours/records/R1?district=" + Uri.EscapeDataString("金华市")))).GetProperty("record");
        Assert.Equal(("V900", "金华市"), (record.GetProperty("volunteerId").GetString(), record.GetProperty("district").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/staff/hours/records/R1/revoke?district=" + Uri.EscapeDataString("嵊州市"), new { reason = "核对有误" })).StatusCode);
        Assert.Equal((0m, 3m), (_server.Get<HoursLedger>().Hours("V001").TotalHours, _server.Get<HoursLedger>().Hours("V900").TotalHours));
    }
}
