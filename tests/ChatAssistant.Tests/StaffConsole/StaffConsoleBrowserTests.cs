using ChatAssistant.Adapters;
using ChatAssistant.Escalation;
using ChatAssistant.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// The console in a real browser (Debian's Chromium through Playwright, no browser download).
/// Users are driven in-process through the running server's own bot, pipeline and stores, because the
/// WeChat endpoint (/api/wechat) is not on main yet; staff replies are caught by a recording IUserMessenger
/// in place of the WeChat customer-service API.
/// </summary>
public sealed class StaffConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">救救我";

    [SkippableFact]
    public async Task Staff_see_a_new_escalation_live_reply_to_it_and_hostile_text_stays_text_while_another_district_sees_nothing()
    {
        // .ci/run installs Chromium; under CI=true a missing one fails, elsewhere the test is skipped.
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);
        var (server, messenger) = await ConsoleServer.StartAsync();
        await using var _ = server;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var wucheng = await SignInAsync(browser, server, "wucheng");
        var jindong = await SignInAsync(browser, server, "jindong");
        await Expect(wucheng.Locator("#queue-empty")).ToBeVisibleAsync();

        var user = new InProcessUser(server, "wu1");
        await user.SayAsync("你好");
        var escalated = System.Diagnostics.Stopwatch.StartNew();
        await user.SayAsync("转人工");
        Assert.Empty(await user.SayAsync(Hostile));

        // It appears without a reload, pushed by the event stream.
        var row = wucheng.Locator("#queue li");
        await Expect(row).ToHaveCountAsync(1);
        output.WriteLine("escalation visible in the console {0:F0} ms after 转人工", escalated.Elapsed.TotalMilliseconds);
        await Expect(row).ToContainTextAsync("婺城区");
        await row.ClickAsync();
        var transcript = wucheng.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync(Hostile);
        Assert.Equal(0, await transcript.Locator("script, img").CountAsync());
        Assert.True(await wucheng.EvaluateAsync<bool>("() => window.__pwned === undefined"));

        // A new user message shows up in the open transcript by itself.
        Assert.Empty(await user.SayAsync("我在学校被欺负了"));
        await Expect(transcript).ToContainTextAsync("我在学校被欺负了");

        await wucheng.FillAsync("#reply", "别怕，我是婺城区的小王，我们一起想办法。");
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await Expect(transcript).ToContainTextAsync("我们一起想办法");
        var sent = Assert.Single(messenger.Sent);
        Assert.Equal(("test", "wu1", "别怕，我是婺城区的小王，我们一起想办法。"), (sent.ChannelId, sent.UserId, sent.Text));

        // WeChat refuses outside the 48-hour window: staff see why.
        messenger.Respond = _ => DeliveryResult.Failed("45015", "用户超过48小时未互动");
        await wucheng.FillAsync("#reply", "还在吗？");
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await Expect(wucheng.Locator("#d-error")).ToContainTextAsync("45015");
        await Expect(transcript).ToContainTextAsync("未送达");

        // Another district's console never gets it, but does get its own.
        await Expect(jindong.Locator("#queue-empty")).ToBeVisibleAsync();
        Assert.Equal(0, await jindong.Locator("#queue li").CountAsync());
        var other = new InProcessUser(server, "jd1");
        await other.SayAsync("你好");
        await other.SayAsync("转人工");
        await Expect(jindong.Locator("#queue li")).ToHaveCountAsync(1);
        await Expect(jindong.Locator("#queue li")).ToContainTextAsync("金东区");
        await Expect(wucheng.Locator("#queue li")).ToHaveCountAsync(1);
        Assert.True(await jindong.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, AssistantServer server, string userName)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", ConsoleServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 15_000 });
        return page;
    }
}
