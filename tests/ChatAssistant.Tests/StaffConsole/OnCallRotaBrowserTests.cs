using ChatAssistant.Audit;
using ChatAssistant.OnCall;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>Editing the county's on-call rota in the console, in a real browser (Debian's Chromium through Playwright).</summary>
public sealed class OnCallRotaBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;

    [SkippableFact]
    public async Task A_member_adds_and_edits_a_line_of_their_countys_rota_and_sees_the_configured_ones()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);

        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?>
        {
            ["Escalation:OnCall:0:County"] = "天台县", ["Escalation:OnCall:0:Staff"] = "alice",
            ["Escalation:OnCall:0:From"] = "18:00", ["Escalation:OnCall:0:To"] = "09:00",
            ["Escalation:OnCall:1:County"] = "婺城区", ["Escalation:OnCall:1:Staff"] = "wang",
        });
        server.Get<StaffStore>().Create("alice", ConsoleServer.Password, StaffRoles.Staff, "天台县", "小艾");
        server.Get<StaffStore>().Create("bob", ConsoleServer.Password, StaffRoles.Staff, "天台县", "小博");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff");
        await page.FillAsync("#login-user", "alice");
        await page.FillAsync("#login-password", ConsoleServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");

        await page.ClickAsync("#oncall-open");
        // Her county's line from configuration, not another county's.
        await Expect(page.Locator("#oncall-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#oncall-rows tr").First).ToContainTextAsync("（配置文件）");
        await Expect(page.Locator("#oncall-county")).ToHaveValueAsync("天台县");

        // bob takes weekday days.
        await page.FillAsync("#oncall-staff", "bob");
        await page.FillAsync("#oncall-days", "1-5");
        await page.FillAsync("#oncall-from", "09:00");
        await page.FillAsync("#oncall-to", "17:30");
        await page.ClickAsync("#oncall-save");
        await Expect(page.Locator("#oncall-rows tr")).ToHaveCountAsync(2);
        var bobs = page.Locator("#oncall-rows tr").Nth(1);
        await Expect(bobs).ToContainTextAsync("bob");
        await Expect(bobs).ToContainTextAsync("周一至周五");
        await Expect(bobs).ToContainTextAsync("09:00–17:30");

        // …then until 18:00.
        await bobs.Locator(".oncall-edit").ClickAsync();
        await Expect(page.Locator("#oncall-save")).ToHaveTextAsync("保存修改");
        await page.FillAsync("#oncall-to", "18:00");
        await page.ClickAsync("#oncall-save");
        await Expect(page.Locator("#oncall-rows tr").Nth(1)).ToContainTextAsync("09:00–18:00");
        var stored = Assert.Single(server.Get<OnCallStore>().All());
        Assert.Equal(("天台县", "bob", "1-5", "09:00", "18:00"), (stored.County, stored.Staff, stored.Days, stored.From, stored.To));

        // A line for a name that is no account is refused with the reason, and nothing changes.
        await page.FillAsync("#oncall-staff", "nobody");
        await page.ClickAsync("#oncall-save");
        await Expect(page.Locator("#oncall-error")).ToHaveTextAsync(OnCallTexts.UnknownStaff);
        Assert.Single(server.Get<OnCallStore>().All());
        Assert.Contains(server.Get<AuditLog>().Recent(20), a => a.Action == "oncall.changed" && a.Actor == "staff:alice");
        // The rota the alerts read has both, configuration's first.
        Assert.Equal(["alice", "bob"], server.Get<OnCallRota>().Lines("天台县").Select(l => l.Staff));
    }
}
