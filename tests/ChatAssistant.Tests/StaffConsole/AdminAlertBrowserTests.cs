using ChatAssistant.Alerts;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>The admin alert banner in a real browser (Debian's Chromium through Playwright), live from the event stream.</summary>
public sealed class AdminAlertBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;

    [SkippableFact]
    public async Task An_admins_console_shows_a_new_alert_as_a_banner_at_once_and_a_district_console_never_does()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);

        await using var server = await AssistantServer.StartAsync();
        server.Get<StaffStore>().Create("admin", ConsoleServer.Password, StaffRoles.Admin, null, "管理员");
        server.Get<StaffStore>().Create("wucheng", ConsoleServer.Password, StaffRoles.Staff, "婺城区", "婺城小王");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var admin = await ConsoleBrowser.SignInAsync(browser, server.BaseAddress, "admin");
        var district = await ConsoleBrowser.SignInAsync(browser, server.BaseAddress, "wucheng");
        await Expect(admin.Locator("#alerts")).ToBeHiddenAsync();

        const string message = "所有用户合计输错绑定码 100 次，绑定已暂停到 11:00。<b>不是标记</b>";
        await server.Get<AdminAlerts>().RaiseAsync("identity.binding.paused", message, DateTimeOffset.UtcNow.AddHours(1), default);

        await Expect(admin.Locator("#alerts")).ToBeVisibleAsync();
        await Expect(admin.Locator("#alert-list li")).ToContainTextAsync(message); // text, never markup
        Assert.Equal(0, await admin.Locator("#alert-list b").CountAsync());
        await admin.ClickAsync("#alerts-dismiss");
        await Expect(admin.Locator("#alerts")).ToBeHiddenAsync();

        await Task.Delay(500); // the district console had every chance to show it
        await Expect(district.Locator("#alerts")).ToBeHiddenAsync();

        // An admin signing in later still sees an alert that is going on.
        var later = await ConsoleBrowser.SignInAsync(browser, server.BaseAddress, "admin");
        await Expect(later.Locator("#alert-list li")).ToContainTextAsync("绑定已暂停");
    }

}
