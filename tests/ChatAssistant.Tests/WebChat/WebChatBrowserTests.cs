using ChatAssistant.Guide;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.StaffConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.WebChat;

/// <summary>The web chat in a real browser (Debian's Chromium through Playwright) against the real server.</summary>
public sealed class WebChatBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;

    [SkippableFact]
    public async Task A_guide_question_typed_on_the_page_gets_its_answer_shown_as_text()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);
        await using var server = await AssistantServer.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };

        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync("团团小助手");
        await page.Locator("#text").FillAsync("志愿汇怎么注册");
        await page.Locator("#text").PressAsync("Enter");

        await Expect(page.Locator(".msg.user")).ToHaveTextAsync("志愿汇怎么注册");
        var answer = page.Locator(".msg.bot").Filter(new() { HasText = GuideTexts.AnswerFooter });
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(answer).ToContainTextAsync("志愿汇");
        // Shown as text: a reply with markup characters would be shown, not run (nothing is inserted as HTML).
        Assert.Equal(0, await page.Locator(".msg.bot *").CountAsync());
        await Expect(page.Locator("#send")).ToBeEnabledAsync();

        // A second message in the same page is the same visitor: not greeted again.
        await page.Locator("#text").FillAsync("菜单");
        await page.Locator("#send").ClickAsync();
        await Expect(page.Locator(".msg.bot").Filter(new() { HasText = "回复序号" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".msg.bot").Filter(new() { HasText = "欢迎" })).ToHaveCountAsync(1);
        Assert.Empty(errors);
    }
}
