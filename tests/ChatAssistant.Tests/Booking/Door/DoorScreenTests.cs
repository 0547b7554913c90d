using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatAssistant.Audit;
using ChatAssistant.Booking;
using ChatAssistant.Booking.Door;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking.Door;

/// <summary>
/// The door screen and its codes over real HTTP: display keys made and revoked through the staff API, the page and its
/// code endpoint, scans through the WeChat callback with the scene the fake WeChat API put into each code, the printed
/// code's self-reported check-ins. Fake clock: now is Thu 2026-11-26 13:55 Beijing, a duty 14:00–16:00 with 3 places.
/// </summary>
public sealed class DoorScreenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BookingTestData.At(11, 26, 13, 55));
    private WeChatTestServer _wechat = null!;
    private DoorScreenClient _door = null!;
    private Studio _studio = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: BookingTestData.NoDemo(), time: _time);
        _door = new DoorScreenClient(_wechat, _time);
        _studio = BookingTestData.Studio(Get<IStudioStore>(), places: 3);
        var staff = Get<StaffStore>();
        staff.Create("tiantai", ConsolePassword, StaffRoles.Staff, "天台县");
        staff.Create("linhai", ConsolePassword, StaffRoles.Staff, "临海市");
        BookingTestData.Bind(Get<IdentityService>(), ("D001", "张三", "oD001"), ("D002", "李四", "oD002"), ("D003", "王五", "oD003"));
        foreach (var member in new[] { "D001", "D002", "D003" })
            Assert.Equal(BookStatus.Booked, Get<BookingService>().Book(new DelegateRef(member, "wechat", "o" + member), _studio.Id, BookingTestData.At(11, 26, 14)).Status);
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    private const string ConsolePassword = "a long staff password";

    private T Get<T>() where T : notnull => _wechat.Server.Get<T>();

    private Attendance AttendanceOf(string memberId) => Get<BookingService>().Upcoming(memberId).Single().Attendance;

    [Fact]
    public async Task Staff_make_and_revoke_display_keys_for_their_county_only_the_hash_is_stored_and_a_wrong_or_revoked_key_gets_403()
    {
        using var tiantai = _door.Staff("tiantai");
        using var linhai = _door.Staff("linhai");
        var (key, url, id) = await DoorScreenClient.CreateKeyAsync(tiantai, _studio.Id);
        Assert.Equal($"/studio/{_studio.Id}/door?key={key}", url);
        Assert.True(key.Length >= 43, key);

        // Listed without the key; stored as its SHA-256 only.
        var listed = await tiantai.GetStringAsync($"/api/staff/booking/studios/{_studio.Id}/door-keys");
        Assert.Contains("一楼门口", listed);
        Assert.DoesNotContain(key, listed);
        var stored = Get<ILiteDatabase>().GetCollection(ChatAssistant.Booking.Door.LiteDb.LiteDoorKeyStore.Collection).FindAll().Single();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored["Hash"].AsString);
        Assert.DoesNotContain(key, LiteDB.JsonSerializer.Serialize(stored));
        // Another county's staff neither see nor change it.
        Assert.Equal(HttpStatusCode.NotFound, (await linhai.PostAsJsonAsync($"/api/staff/booking/studios/{_studio.Id}/door-keys", new { label = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await linhai.DeleteAsync($"/api/staff/booking/studios/{_studio.Id}/door-keys/{id}")).StatusCode);

        // The key opens the page, moving into a cookie of that page only; the page runs no inline script.
        var screen = await _door.OpenScreenAsync(url);
        using (var page = await screen.GetAsync(DoorDisplayEndpoints.PagePath(_studio.Id)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("<script src=\"/studio/assets/door.js\" defer></script>", await page.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await DoorScreenClient.CodeAsync(screen, _studio.Id)).Status);

        // A wrong key, no key, or this studio's key on another studio: the 403 page in Chinese.
        var other = BookingTestData.Studio(Get<IStudioStore>(), name: "另一个工作室");
        foreach (var wrong in new[] { $"/studio/{_studio.Id}/door?key=" + key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), $"/studio/{_studio.Id}/door", $"/studio/{other.Id}/door?key={key}" })
        {
            using var denied = await _wechat.Server.CreateClient(cookies: false).GetAsync(wrong);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("这个屏幕的显示密钥不正确或已被停用", await denied.Content.ReadAsStringAsync());
        }

        // Revoked: the screen's cookie, the address with the key and the code endpoint all get 403.
        Assert.Equal(HttpStatusCode.NoContent, (await tiantai.DeleteAsync($"/api/staff/booking/studios/{_studio.Id}/door-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await screen.GetAsync(DoorDisplayEndpoints.PagePath(_studio.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _wechat.Server.CreateClient(cookies: false).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DoorScreenClient.CodeAsync(screen, _studio.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await tiantai.DeleteAsync($"/api/staff/booking/studios/{_studio.Id}/door-keys/{id}")).StatusCode);
        var keys = await tiantai.GetFromJsonAsync<JsonElement>($"/api/staff/booking/studios/{_studio.Id}/door-keys");
        Assert.False(keys[0].GetProperty("active").GetBoolean());
        Assert.Equal("staff:tiantai", keys[0].GetProperty("revokedBy").GetString());
        var audited = Get<AuditLog>().Recent(10, $"studio:{_studio.Id}").Select(e => (e.Actor, e.Action, e.Detail)).OrderBy(e => e.Action).ToList();
        Assert.Equal([("staff:tiantai", "booking.door-key.create", $"key {id}"), ("staff:tiantai", "booking.door-key.revoke", $"key {id}")], audited);
    }

    [Fact]
    public async Task The_code_is_renewed_after_a_minute_by_default_and_its_scan_checks_in_every_delegate_of_the_slot_for_two_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), new BookingOptions().DoorCodeRenewal);
        Assert.Equal(TimeSpan.FromMinutes(1), Get<IOptions<BookingOptions>>().Value.DoorCodeRenewal);
        using var tiantai = _door.Staff("tiantai");
        var screen = await _door.OpenScreenAsync((await DoorScreenClient.CreateKeyAsync(tiantai, _studio.Id)).Url);

        var (status, first) = await DoorScreenClient.CodeAsync(screen, _studio.Id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("测试工作室", first.GetProperty("studio").GetString());
        Assert.Equal((60_000, 120_000, 480), (first.GetProperty("renewInMs").GetInt64(), first.GetProperty("validForMs").GetInt64(), first.GetProperty("utcOffsetMinutes").GetInt32()));
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", first.GetProperty("image").GetString());
        Assert.Contains("每分钟更新一次", first.GetProperty("instruction").GetString());
        var scene = _door.SceneOf(first);
        Assert.Matches($"^duty:{_studio.Id}:[A-Za-z0-9_-]{{16}}$", scene);
        var asked = Assert.Single(_wechat.Api.Calls, c => c.Path.EndsWith("qrcode/create", StringComparison.Ordinal)).Body;
        Assert.Equal(("QR_STR_SCENE", 120), (asked.GetProperty("action_name").GetString(), asked.GetProperty("expire_seconds").GetInt32()));

        // The same code for 59 s (however often the screen asks), a new one at the minute.
        _time.Advance(TimeSpan.FromSeconds(59));
        var (_, same) = await DoorScreenClient.CodeAsync(screen, _studio.Id);
        Assert.Equal(first.GetProperty("ticket").GetString(), same.GetProperty("ticket").GetString());
        Assert.Equal(1_000, same.GetProperty("renewInMs").GetInt64());
        _time.Advance(TimeSpan.FromSeconds(1));
        var (_, renewed) = await DoorScreenClient.CodeAsync(screen, _studio.Id);
        Assert.NotEqual(first.GetProperty("ticket").GetString(), renewed.GetProperty("ticket").GetString());
        Assert.Equal(2, _wechat.Api.QrCodesCreated);

        // The first code, 1 min 0 s old, still checks in, for any delegate of the slot: one attendance each.
        Assert.StartsWith("签到成功！测试工作室 11月26日(周四) 14:00-16:00", await _door.ScanAsync("oD001", scene));
        Assert.StartsWith("签到成功！", await _door.ScanAsync("oD002", scene));
        Assert.StartsWith("你已经签到过了", await _door.ScanAsync("oD001", scene));
        Assert.Equal((Attendance.Attended, Attendance.Attended, Attendance.Unknown), (AttendanceOf("D001"), AttendanceOf("D002"), AttendanceOf("D003")));
        Assert.Equal(3, Get<IBookingStore>().InSlot(_studio.Id, BookingTestData.At(11, 26, 14)).Count);

        // Two minutes and a second after it was made, a photo of it is refused and nothing is recorded.
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(BookingTexts.DoorCodeExpired, await _door.ScanAsync("oD003", scene));
        Assert.Equal(Attendance.Unknown, AttendanceOf("D003"));
        // The renewed code (1 min 1 s old) works, also for someone who follows the account by scanning it.
        Assert.Contains("签到成功！", await _door.ScanAsync("oD003", _door.SceneOf(renewed), subscribe: true));
        Assert.Equal(Attendance.Attended, AttendanceOf("D003"));
    }

    [Fact]
    public async Task The_printed_code_records_self_reported_which_staff_see_in_the_attendance_api_and_confirm()
    {
        Assert.StartsWith("已收到你的签到：测试工作室 11月26日(周四) 14:00-16:00 的值班已记为「自报出勤」", await _door.ScanAsync("oD001", "duty:" + _studio.Id));
        Assert.Equal(Attendance.SelfReported, AttendanceOf("D001"));
        using var tiantai = _door.Staff("tiantai");
        using var linhai = _door.Staff("linhai");

        var calendar = await tiantai.GetFromJsonAsync<JsonElement>($"/api/staff/booking/studios/{_studio.Id}/calendar?from=2026-11-26&days=1");
        var booking = calendar.GetProperty("slots")[0].GetProperty("bookings").EnumerateArray().Single(b => b.GetProperty("memberId").GetString() == "D001");
        Assert.Equal(("self_reported", "printed-code"), (booking.GetProperty("attendance").GetString(), booking.GetProperty("attendanceBy").GetString()));
        var waiting = await tiantai.GetFromJsonAsync<JsonElement>("/api/staff/booking/attendance/self-reported");
        Assert.Equal(("D001", "张三"), (waiting[0].GetProperty("memberId").GetString(), waiting[0].GetProperty("name").GetString()));
        Assert.Equal(0, (await linhai.GetFromJsonAsync<JsonElement>("/api/staff/booking/attendance/self-reported")).GetArrayLength());
        Assert.Contains("张三,自报待确认", await tiantai.GetStringAsync($"/api/staff/booking/studios/{_studio.Id}/rota.csv?year=2026&quarter=4"));
        var compliance = await tiantai.GetFromJsonAsync<JsonElement>("/api/staff/booking/compliance?year=2026");
        var row = compliance.GetProperty("delegates").EnumerateArray().Single(d => d.GetProperty("memberId").GetString() == "D001");
        Assert.Equal((0, 1), (row.GetProperty("attended").GetInt32(), row.GetProperty("selfReported").GetInt32()));

        // Staff cannot self-report for someone; they confirm with "attended".
        var id = waiting[0].GetProperty("bookingId").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await tiantai.PostAsJsonAsync($"/api/staff/booking/bookings/{id}/attendance", new { status = "self_reported" })).StatusCode);
        var confirmed = await tiantai.PostAsJsonAsync($"/api/staff/booking/bookings/{id}/attendance", new { status = "attended" });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("attended", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attendance").GetString());
        Assert.Equal(Attendance.Attended, AttendanceOf("D001"));
        Assert.Equal(0, (await tiantai.GetFromJsonAsync<JsonElement>("/api/staff/booking/attendance/self-reported")).GetArrayLength());
    }
}
