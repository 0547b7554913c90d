using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Hours;

/// <summary>
/// Times staff read in the hours and roster API are Beijing time, although LiteDB hands instants back at +00:00
/// and the server's own zone is UTC here: 07:00 in Beijing is still the previous day in UTC.
/// </summary>
public sealed class BeijingTimeApiTests : IAsyncLifetime
{
    // Friday 2026-11-27 07:00 in Beijing.
    private static readonly DateTimeOffset EarlyMorning = new(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(EarlyMorning);
    private AssistantServer _server = null!;
    private TempDirectory _dir = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _dir = new TempDirectory("ca-hours-time");
        File.WriteAllText(_dir.File("catalogue.yaml"), HoursKit.TestCatalogue);
        _server = await AssistantServer.StartAsync(
            new Dictionary<string, string?> { ["Hours:CatalogueFile"] = _dir.File("catalogue.yaml") },
            services => services.AddSingleton<TimeProvider>(_time));
        _server.Get<StaffStore>().Create("admin", "a long admin password", StaffRoles.Admin, null);
        Assert.True(_server.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,李四,嵊州市\n")).Ok);
        _admin = _server.CreateClient(cookies: false);
        _admin.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue("admin", "test"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<JsonElement> GetJson(string path) =>
        JsonDocument.Parse(await (await _admin.GetAsync(path)).Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_redemption_at_7_in_the_morning_is_on_that_day_in_the_statement_and_the_order_list()
    {
        var import = await _admin.PostAsync("/api/staff/hours/import", new StringContent(HoursKit.Csv("R1,V001,宣传,团市委,2026-11-20,09:00,19:00,10"), Encoding.UTF8, "text/csv"));
        import.EnsureSuccessStatusCode();
        var redemptions = _server.Get<RedemptionService>();
        var kept = redemptions.Redeem("V001", "T5").Order!;
        var cancelled = redemptions.Redeem("V001", "T5").Order!;
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync($"/api/staff/hours/orders/{cancelled.OrderNo}/cancel", new { reason = "缺货" })).StatusCode);

        var statement = Encoding.UTF8.GetString(await _admin.GetByteArrayAsync("/api/staff/hours/volunteers/V001/statement"));
        Assert.Contains($"2026-11-27,积分兑换,环保袋,{kept.OrderNo}", statement);
        Assert.Contains($"2026-11-27,兑换取消退回,环保袋,{cancelled.OrderNo}", statement);
        Assert.DoesNotContain("2026-11-26", statement);

        var orders = await GetJson("/api/staff/hours/orders");
        var closed = orders.EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == cancelled.OrderNo);
        Assert.Equal("2026-11-27T07:00:00+08:00", closed.GetProperty("placedAt").GetString());
        Assert.Equal("2026-11-27T07:00:00+08:00", closed.GetProperty("closedAt").GetString());
    }

    [Fact]
    public async Task The_audit_trail_of_a_record_and_a_binding_codes_expiry_are_in_Beijing_time()
    {
        var import = await _admin.PostAsync("/api/staff/hours/import", new StringContent(HoursKit.Csv("X1,V001,宣传,团市委,2026-11-20,09:00,11:00,6"), Encoding.UTF8, "text/csv"));
        import.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsJsonAsync("/api/staff/hours/records/X1/approve", new { reason = "签到表核实" })).StatusCode);

        var record = await GetJson("/api/staff/hours/records/X1");
        Assert.Equal("2026-11-27T07:00:00+08:00", record.GetProperty("audit")[0].GetProperty("at").GetString());

        var code = JsonDocument.Parse(await (await _admin.PostAsync("/api/staff/rosters/volunteer/V001/code", null)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-11-30T07:00:00+08:00", code.GetProperty("expiresAt").GetString());
        var identity = _server.Get<IdentityService>();
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync("openid-1", identity.IssueCode(RosterKind.Volunteer, "V001").Code)).Status);
        var roster = await GetJson("/api/staff/rosters/volunteer");
        Assert.Equal("2026-11-27T07:00:00+08:00", roster[0].GetProperty("boundAt").GetString());
    }

    [Fact]
    public async Task The_audit_log_shows_when_in_Beijing_time()
    {
        (await _admin.GetAsync("/api/staff/rosters/volunteer")).EnsureSuccessStatusCode(); // an audited read

        var rows = await GetJson("/api/staff/audit?subject=roster:volunteer");

        Assert.Equal("2026-11-27T07:00:00+08:00", rows[0].GetProperty("at").GetString());
    }
}
