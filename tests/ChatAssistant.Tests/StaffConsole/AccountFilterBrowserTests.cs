using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// The console of a deployment with two Official Accounts, in Chromium: each help request says which account it came
/// through, and the account filter narrows the list to one account (and back to all).
/// </summary>
public sealed class AccountFilterBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;

    [SkippableFact]
    public async Task The_console_says_which_account_a_request_came_through_and_filters_by_account()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);

        var (server, _) = await ConsoleServer.StartAsync(new Dictionary<string, string?>
        {
            ["WeChat:Accounts:jinhua:Token"] = "jinhuatoken1",
            ["WeChat:Accounts:jinhua:AppId"] = "wxjinhua000000001",
            ["WeChat:Accounts:jinhua:DisplayName"] = "金华青年",
            ["WeChat:Accounts:tiantai:Token"] = "tiantaitoken2",
            ["WeChat:Accounts:tiantai:AppId"] = "wxtiantai00000002",
            ["WeChat:Accounts:tiantai:DisplayName"] = "天台青年",
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Identity:CodeSecret"] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()),
        });
        await using var _ = server;
        var jinhua = DisputeFixtures.File(server.Services, "金东区", userId: "o_jh", channel: "wechat:wxjinhua000000001");
        var tiantai = DisputeFixtures.File(server.Services, "天台县", userId: "o_tt", channel: "wechat:wxtiantai00000002");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff");
        await page.FillAsync("#login-user", "admin");
        await page.FillAsync("#login-password", ConsoleServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");

        await page.Locator("#tabs button", new() { HasText = "求助工单" }).ClickAsync();
        var rows = page.Locator("#queue li");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("#account-box")).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = jinhua.Number })).ToContainTextAsync("金华青年");
        await Expect(rows.Filter(new() { HasText = tiantai.Number })).ToContainTextAsync("天台青年");

        await page.Locator("#account").SelectOptionAsync(new SelectOptionValue { Label = "天台青年" });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(tiantai.Number);

        await page.Locator("#account").SelectOptionAsync(new SelectOptionValue { Label = "全部公众号" });
        await Expect(rows).ToHaveCountAsync(2);
    }
}
