using ChatAssistant.Guide;
using ChatAssistant.Knowledge;
using ChatAssistant.Security;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Guide;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// Issue #25's console test, in a real browser (Debian's Chromium through Playwright): a young person's question the
/// assistant is not sure of, asked through the WeChat callback, appears in 「未解答问题」 with its phone number masked; a
/// member attaches it to an entry as it stands; an admin publishes it in 「指南条目」; the same question is then answered.
/// </summary>
public sealed class GuideDeskBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;
    private const string Young = "oYoungVolunteer0000000001";

    [SkippableFact]
    public async Task An_unanswered_question_is_masked_attached_by_staff_published_by_an_admin_and_then_answered()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);

        await using var wechat = await WeChatTestServer.StartAsync(scripted: false);
        var staff = wechat.Server.Get<StaffStore>();
        staff.Create("wucheng", ConsoleServer.Password, StaffRoles.Staff, "婺城区", "婺城小王");
        staff.Create("admin", ConsoleServer.Password, StaffRoles.Admin, null, "管理员");
        var chat = new WeChatChat(wechat, Young);
        await chat.SayAsync("你好");
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync(GuideDeskApiTests.Question));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);

        // The member: the question is there, masked, with the entries closest to it.
        var member = await ConsoleBrowser.SignInAsync(browser, wechat.Server.BaseAddress, "wucheng");
        await member.ClickAsync("#tabs button:has-text('未解答问题')");
        var group = member.Locator("#un-list > li");
        await Expect(group).ToHaveCountAsync(1);
        await Expect(group.Locator(".question")).ToContainTextAsync(PersonalText.Phone);
        await Expect(group.Locator(".question")).Not.ToContainTextAsync("13812345678");
        await Expect(group).ToContainTextAsync("不太确定 1");
        await group.Locator(".un-entry").SelectOptionAsync(GuideDeskApiTests.Entry);
        await group.Locator(".un-attach").ClickAsync();
        await Expect(member.Locator("#un-empty")).ToBeVisibleAsync();
        // A member drafts; the publish button is not theirs.
        await member.ClickAsync("#tabs button:has-text('指南条目')");
        await Expect(member.Locator("#draft-list li")).ToHaveCountAsync(1);
        await Expect(member.Locator("#draft-list .draft-publish")).ToHaveCountAsync(0);
        Assert.Equal(GuideTexts.NotSureOffer, await chat.SayAsync(GuideDeskApiTests.Question));

        // The admin reads the draft with its new phrasing and publishes it.
        var admin = await ConsoleBrowser.SignInAsync(browser, wechat.Server.BaseAddress, "admin");
        await admin.ClickAsync("#tabs button:has-text('指南条目')");
        var draft = admin.Locator("#draft-list li");
        await Expect(draft).ToHaveCountAsync(1);
        await Expect(draft).ToContainTextAsync(GuideDeskApiTests.Entry);
        await draft.Locator(".draft-open").ClickAsync();
        await Expect(admin.Locator("#ge-questions")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("敬老院"));
        await admin.ClickAsync("#ge-publish");
        // Publishing rebuilds the guide (its index and second reader): seconds, not milliseconds.
        await Expect(admin.Locator("#drafts-empty")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(admin.Locator($"#entry-rows tr[data-id='{GuideDeskApiTests.Entry}']")).ToContainTextAsync("工作台改过");

        // The same question, asked again, is answered.
        var entry = wechat.Server.Get<GuideLibrary>().Shared.Find(GuideDeskApiTests.Entry)!;
        Assert.StartsWith(entry.Answer, await chat.SayAsync(GuideDeskApiTests.Question));
    }

}
