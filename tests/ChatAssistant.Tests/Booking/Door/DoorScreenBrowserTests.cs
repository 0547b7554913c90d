using System.Diagnostics;
using System.Text.RegularExpressions;
using ChatAssistant.Booking;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using ChatAssistant.Tests.StaffConsole;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.Booking.Door;

/// <summary>
/// The door screen in a real browser (Debian's Chromium through Playwright, launched as the staff console's tests
/// launch it) against the real server on the real clock, with the fake WeChat API making the codes. The renewal is
/// cut to 3 s and the validity to 10 s so the test need not wait minutes; the defaults (1 and 2 minutes) are shown
/// over HTTP with a fake clock in <see cref="DoorScreenTests"/>.
/// </summary>
public sealed class DoorScreenBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = ConsoleBrowser.Chromium;

    [SkippableFact]
    public async Task The_screen_shows_a_code_that_changes_by_itself_a_scan_of_the_current_one_checks_in_an_old_one_is_refused_and_a_revoked_key_ends_in_403()
    {
        RequireChromium();
        var settings = BookingTestData.NoDemo();
        settings["Booking:DoorCodeRenewal"] = "00:00:03";
        settings["Booking:DoorCodeValidity"] = "00:00:10";
        await using var wechat = await WeChatTestServer.StartAsync(scripted: false, overrides: settings);
        var door = new DoorScreenClient(wechat, TimeProvider.System);
        var studio = BookingTestData.Studio(wechat.Server.Get<IStudioStore>(), places: 2);
        wechat.Server.Get<StaffStore>().Create("tiantai", "a long staff password", StaffRoles.Staff, "天台县");
        BookingTestData.Bind(wechat.Server.Get<IdentityService>(), ("D001", "张三", "oD001"), ("D002", "李四", "oD002"));
        var now = wechat.Server.Get<AssistantClock>().Now;
        foreach (var (member, place) in new[] { ("D001", 1), ("D002", 2) }) // a duty under way now, whatever the time of day
            Assert.True(wechat.Server.Get<IBookingStore>().TryInsert(new DutyBooking
            {
                StudioId = studio.Id, MemberId = member, ChannelId = "wechat", UserId = "o" + member,
                Start = now.AddMinutes(-5), End = now.AddMinutes(115), Place = place, CreatedAt = now.AddDays(-1),
            }));
        using var staff = door.Staff("tiantai");
        var (key, url, keyId) = await DoorScreenClient.CreateKeyAsync(staff, studio.Id);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = wechat.Server.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (consoleErrors) consoleErrors.Add(message.Text); };

        await page.GotoAsync(url);
        Assert.EndsWith($"/studio/{studio.Id}/door", page.Url); // the key left the address for a cookie
        var qr = page.Locator("#qr");
        await Expect(qr).ToBeVisibleAsync();
        await Expect(page.Locator("#studio")).ToHaveTextAsync("测试工作室");
        await Expect(page.Locator("#instruction")).ToContainTextAsync("请打开微信「扫一扫」扫描上方二维码签到");
        await Expect(page.Locator("#clock")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}:\d{2}$"));
        var beijing = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await Expect(page.Locator("#date")).ToHaveTextAsync(new Regex($"^{beijing.Year}年{beijing.Month}月{beijing.Day}日 {AssistantClock.WeekdayName(beijing.DayOfWeek)}$"));
        var hour = (await page.Locator("#clock").TextContentAsync())![..2];
        Assert.Contains(hour, new[] { beijing, beijing.AddSeconds(5) }.Select(t => t.ToString("HH", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        var first = (await qr.GetAttributeAsync("data-ticket"))!;
        var firstScene = wechat.Api.SceneOf(first)!;

        // The page asks for a new code by itself and shows it.
        var shown = Stopwatch.StartNew();
        await Expect(qr).Not.ToHaveAttributeAsync("data-ticket", first, new() { Timeout = 70_000 });
        output.WriteLine("the code changed {0:F1} s after it was shown", shown.Elapsed.TotalSeconds);
        Assert.True(shown.Elapsed < TimeSpan.FromSeconds(70));
        var current = (await qr.GetAttributeAsync("data-ticket"))!;
        Assert.NotEqual(first, current);

        // The code on screen checks in, confirmed; the printed code only self-reports.
        Assert.StartsWith("签到成功！测试工作室", await door.ScanAsync("oD001", wechat.Api.SceneOf(current)!));
        Assert.StartsWith("已收到你的签到：测试工作室", await door.ScanAsync("oD002", "duty:" + studio.Id));
        var bookings = wechat.Server.Get<IBookingStore>();
        Assert.Equal([Attendance.Attended, Attendance.SelfReported], bookings.InSlot(studio.Id, now.AddMinutes(-5)).Select(b => b.Attendance));

        // A photo of the first code, once older than the validity, is refused and changes nothing.
        var wait = TimeSpan.FromSeconds(11) - shown.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        Assert.Equal(BookingTexts.DoorCodeExpired, await door.ScanAsync("oD002", firstScene));
        Assert.Equal(Attendance.SelfReported, bookings.InSlot(studio.Id, now.AddMinutes(-5))[1].Attendance);

        // Revoked while showing: at its next renewal the screen turns into the 403 page.
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await staff.DeleteAsync($"/api/staff/booking/studios/{studio.Id}/door-keys/{keyId}")).StatusCode);
        await Expect(page.Locator("h1")).ToHaveTextAsync("无法显示签到二维码", new() { Timeout = 20_000 });
        await Expect(page.Locator("#denied")).ToHaveTextAsync("这个屏幕的显示密钥不正确或已被停用。");
        var reopened = await page.ReloadAsync();
        Assert.Equal(403, reopened!.Status);

        // A wrong key in a fresh browser: 403 page in Chinese.
        var stranger = await (await browser.NewContextAsync(new() { BaseURL = wechat.Server.BaseAddress.ToString() })).NewPageAsync();
        var refused = await stranger.GotoAsync($"/studio/{studio.Id}/door?key=not-the-key-{key[..8]}");
        Assert.Equal(403, refused!.Status);
        await Expect(stranger.Locator("h1")).ToHaveTextAsync("无法显示签到二维码");
        Assert.Equal(0, await stranger.Locator("#qr").CountAsync());

        lock (consoleErrors) Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    // .ci/run installs Chromium; under CI=true a missing one fails, elsewhere the test is skipped.
    private static void RequireChromium()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);
    }
}
