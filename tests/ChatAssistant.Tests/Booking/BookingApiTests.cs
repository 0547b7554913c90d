using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatAssistant.Booking;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking;

/// <summary>The staff API over real HTTP, with the demo studio seeded and staff of two counties.</summary>
public sealed class BookingApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotHarness.DefaultNow);
    private AssistantServer _server = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _server = await AssistantServer.StartAsync(services: s => s.AddSingleton<TimeProvider>(_time));
        var staff = _server.Get<StaffStore>();
        staff.Create("admin", "a long admin password", StaffRoles.Admin, null);
        staff.Create("tiantai", "a long staff password", StaffRoles.Staff, "天台县");
        staff.Create("linhai", "a long staff password", StaffRoles.Staff, "临海市");
        BookingTestData.Bind(_server.Get<IdentityService>(), ("D001", "张三", "u1"), ("D002", "李四", "u2"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client(string user)
    {
        var client = _server.CreateClient(cookies: false);
        client.DefaultRequestHeaders.Authorization = new("Bearer", _server.Get<StaffTokens>().Issue(user, "test"));
        return client;
    }

    private Studio Demo => _server.Get<IStudioStore>().All().Single(s => s.Name == "天台县团代表工作室");

    [Fact]
    public async Task The_demo_studio_is_seeded_and_staff_see_only_their_county()
    {
        using var tiantai = Client("tiantai");
        using var linhai = Client("linhai");
        var seen = await tiantai.GetFromJsonAsync<JsonElement>("/api/staff/booking/studios");
        Assert.Equal("天台县团代表工作室", seen[0].GetProperty("name").GetString());
        Assert.Equal("Tue", seen[0].GetProperty("openings")[0].GetProperty("day").GetString());
        Assert.Equal(0, (await linhai.GetFromJsonAsync<JsonElement>("/api/staff/booking/studios")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await linhai.GetAsync($"/api/staff/booking/studios/{Demo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await linhai.GetAsync($"/api/staff/booking/studios/{Demo.Id}/rota.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.CreateClient().GetAsync("/api/staff/booking/studios")).StatusCode);
    }

    [Fact]
    public async Task Staff_create_update_and_delete_studios_in_their_county_with_validation()
    {
        using var linhai = Client("linhai");
        var foreign = await linhai.PostAsJsonAsync("/api/staff/booking/studios", new { name = "越界", county = "天台县", openings = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        var tooShort = await linhai.PostAsJsonAsync("/api/staff/booking/studios", new { name = "短", slotMinutes = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("至少 2 小时", await tooShort.Content.ReadAsStringAsync());

        var created = await linhai.PostAsJsonAsync("/api/staff/booking/studios", new
        {
            name = "临海市团代表工作室",
            address = "古城街道",
            placesPerSlot = 3,
            openings = new[] { new { day = "周三", start = "09:00", end = "13:00" } },
            closures = new[] { new { from = "2026-12-02", to = "2026-12-02", reason = "会议" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("临海市", body.GetProperty("county").GetString());
        var id = body.GetProperty("id").GetInt32();

        var calendar = await linhai.GetFromJsonAsync<JsonElement>($"/api/staff/booking/studios/{id}/calendar?from=2026-11-30&days=10");
        var starts = calendar.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal([BookingTestData.At(12, 9, 9), BookingTestData.At(12, 9, 11)], starts);

        var updated = await linhai.PutAsJsonAsync($"/api/staff/booking/studios/{id}", new { placesPerSlot = 1 });
        Assert.Equal(1, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("placesPerSlot").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await linhai.DeleteAsync($"/api/staff/booking/studios/{id}")).StatusCode);
        Assert.Null(_server.Get<IStudioStore>().Find(id));
    }

    [Fact]
    public async Task The_calendar_shows_bookings_by_name_and_attendance_is_marked_by_staff()
    {
        var service = _server.Get<BookingService>();
        var soon = service.Book(BookingTestData.Who("D001"), Demo.Id, BookingTestData.At(11, 26, 14)).Booking!;
        var later = service.Book(BookingTestData.Who("D002"), Demo.Id, BookingTestData.At(12, 1, 14)).Booking!;
        using var tiantai = Client("tiantai");

        var calendar = await tiantai.GetFromJsonAsync<JsonElement>($"/api/staff/booking/studios/{Demo.Id}/calendar?from=2026-11-26&days=7");
        var first = calendar.GetProperty("slots")[0];
        Assert.Equal(1, first.GetProperty("taken").GetInt32());
        Assert.Equal("张三", first.GetProperty("bookings")[0].GetProperty("name").GetString());

        var early = await tiantai.PostAsJsonAsync($"/api/staff/booking/bookings/{later.Id}/attendance", new { status = "attended" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        _time.SetUtcNow(BookingTestData.At(11, 26, 16, 30));
        var marked = await tiantai.PostAsJsonAsync($"/api/staff/booking/bookings/{soon.Id}/attendance", new { status = "absent" });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(Attendance.Absent, _server.Get<IBookingStore>().Find(soon.Id)!.Attendance);
        Assert.Equal(HttpStatusCode.BadRequest, (await tiantai.PostAsJsonAsync($"/api/staff/booking/bookings/{soon.Id}/attendance", new { status = "maybe" })).StatusCode);
        using var linhai = Client("linhai");
        Assert.Equal(HttpStatusCode.NotFound, (await linhai.PostAsJsonAsync($"/api/staff/booking/bookings/{soon.Id}/attendance", new { status = "attended" })).StatusCode);
    }

    [Fact]
    public async Task Closing_a_booked_day_lists_the_bookings_it_leaves_outside_the_openings()
    {
        var service = _server.Get<BookingService>();
        var closed = service.Book(BookingTestData.Who("D001"), Demo.Id, BookingTestData.At(12, 1, 14)).Booking!;
        service.Book(BookingTestData.Who("D002"), Demo.Id, BookingTestData.At(12, 3, 14));
        using var tiantai = Client("tiantai");

        var response = await tiantai.PutAsJsonAsync($"/api/staff/booking/studios/{Demo.Id}",
            new { closures = new[] { new { from = "2026-12-01", to = "2026-12-01", reason = "检修" } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("天台县团代表工作室", body.GetProperty("name").GetString()); // the studio's fields as before
        var outside = Assert.Single(body.GetProperty("bookingsOutsideOpenings").EnumerateArray());
        Assert.Equal((closed.Id, "D001", BookingTestData.At(12, 1, 14)),
            (outside.GetProperty("id").GetInt32(), outside.GetProperty("memberId").GetString(), outside.GetProperty("start").GetDateTimeOffset()));
        Assert.Equal(TimeSpan.FromHours(8), outside.GetProperty("start").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task The_quarterly_rota_is_a_UTF8_CSV_with_BOM_and_the_compliance_report_lists_who_is_short()
    {
        var service = _server.Get<BookingService>();
        var done = service.Book(BookingTestData.Who("D001"), Demo.Id, BookingTestData.At(11, 26, 14)).Booking!;
        service.Book(BookingTestData.Who("D002"), Demo.Id, BookingTestData.At(11, 26, 14));
        using var tiantai = Client("tiantai");

        var response = await tiantai.GetAsync($"/api/staff/booking/studios/{Demo.Id}/rota.csv?year=2026&quarter=4");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日期,星期,开始,结束,工作室,名额,团代表编号,姓名,出勤", lines[0]);
        Assert.Contains("2026-11-26,周四,14:00,16:00,天台县团代表工作室,1,D001,张三,未记录", lines);
        Assert.Contains("2026-11-26,周四,14:00,16:00,天台县团代表工作室,2,D002,李四,未记录", lines);
        Assert.Contains("2026-11-28,周六,09:00,11:00,天台县团代表工作室,,,,空缺 2", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("2027-01", StringComparison.Ordinal) || l.StartsWith("2026-09", StringComparison.Ordinal));

        _time.SetUtcNow(BookingTestData.At(11, 26, 14, 10));
        Assert.Equal(CheckInStatus.CheckedIn, service.CheckIn("D001", Demo.Id, CheckInProof.DoorScreen).Status);
        var report = await tiantai.GetFromJsonAsync<JsonElement>("/api/staff/booking/compliance?year=2026");
        var rows = report.GetProperty("delegates").EnumerateArray().ToDictionary(r => r.GetProperty("memberId").GetString()!, r => r.GetProperty("missing").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["D001"] = 1, ["D002"] = 2 }, rows);
        Assert.Equal(done.Id, _server.Get<IBookingStore>().OfMember("D001").Single().Id);
        using var linhai = Client("linhai");
        Assert.Equal(0, (await linhai.GetFromJsonAsync<JsonElement>("/api/staff/booking/compliance")).GetProperty("delegates").GetArrayLength());
    }
}
