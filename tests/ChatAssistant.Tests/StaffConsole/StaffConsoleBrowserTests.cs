using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Disputes;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Support;
using ChatAssistant.Tests.Support.WeChat;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// The console in a real browser (Debian's Chromium through Playwright, no browser download) against the real
/// server: users write through the WeChat callback (/api/wechat, signed XML), staff replies go out through the
/// WeChat customer-service API, played by <see cref="FakeWeChatApi"/>. Users get their district by binding
/// their OpenID to a roster entry, as in production.
/// </summary>
public sealed class StaffConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = ConsoleBrowser.Chromium;
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">你好呀";
    private const string WuUser = "oWuCheng000000000000000001";
    private const string JdUser = "oJinDong000000000000000001";
    private long _msgId = 7_000_000_000;

    [SkippableFact]
    public async Task Staff_see_a_new_escalation_live_reply_to_it_and_hostile_text_stays_text_while_another_district_sees_nothing()
    {
        await using var desk = await OpenDeskAsync();
        var (wechat, wucheng, jindong) = (desk.WeChat, desk.WuCheng, desk.JinDong);
        await Expect(wucheng.Locator("#queue-empty")).ToBeVisibleAsync();

        await SayAsync(wechat, WuUser, "你好");
        var escalated = System.Diagnostics.Stopwatch.StartNew();
        Assert.Contains("已为你转接人工服务", await SayAsync(wechat, WuUser, "转人工"));
        // Forwarded to staff. The bot says at most that it reached them (this server runs on the real clock, and
        // outside office hours a message for staff is never met with silence): it never echoes or acts on the text.
        var forwarded = await SayAsync(wechat, WuUser, Hostile);
        if (forwarded.Contains("<xml>", StringComparison.Ordinal)) Assert.StartsWith("已收到", wechat.Requests.ReadReply(forwarded)["Content"]);

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
        await SayAsync(wechat, WuUser, "我在学校被欺负了");
        await Expect(transcript).ToContainTextAsync("我在学校被欺负了");
        // Self-service still works with a person, and staff see that the bot answered it.
        Assert.Contains("我可以帮你", wechat.Requests.ReadReply(await SayAsync(wechat, WuUser, "菜单"))["Content"]);
        await Expect(transcript.Locator("li.user").Last).ToContainTextAsync("用户（自助服务，小助手已回答）");

        const string reply = "别怕，我是婺城区的小王，我们一起想办法。";
        await wucheng.FillAsync("#reply", reply);
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await Expect(transcript).ToContainTextAsync("我们一起想办法");
        await wechat.Api.WaitForAsync(c => c.ToUser == WuUser && c.Text == reply && c.ErrCode == 0, 1, TimeSpan.FromSeconds(10));
        Assert.Equal([reply], wechat.Api.TextsTo(WuUser));

        // WeChat refuses outside the 48-hour window: staff see why.
        wechat.Api.FailFor(WuUser, 45015);
        await wucheng.FillAsync("#reply", "还在吗？");
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await Expect(wucheng.Locator("#d-error")).ToContainTextAsync("45015");
        await Expect(transcript).ToContainTextAsync("未送达");
        Assert.Equal([reply], wechat.Api.TextsTo(WuUser));

        // Another district's console never gets it, but does get its own.
        await Expect(jindong.Locator("#queue-empty")).ToBeVisibleAsync();
        Assert.Equal(0, await jindong.Locator("#queue li").CountAsync());
        await SayAsync(wechat, JdUser, "你好");
        await SayAsync(wechat, JdUser, "转人工");
        await Expect(jindong.Locator("#queue li")).ToHaveCountAsync(1);
        await Expect(jindong.Locator("#queue li")).ToContainTextAsync("金东区");
        await Expect(wucheng.Locator("#queue li")).ToHaveCountAsync(1);
        Assert.True(await jindong.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    [SkippableFact]
    public async Task A_quick_reply_is_inserted_filled_for_the_member_and_sent()
    {
        await using var desk = await OpenDeskAsync();
        var (wechat, wucheng) = (desk.WeChat, desk.WuCheng);
        wechat.Server.Get<ChatAssistant.QuickReplies.QuickReplyStore>().Add("自我介绍", "你好，我是{工作人员}。有急事可以随时拨打{热线}。");
        await SayAsync(wechat, WuUser, "你好");
        await SayAsync(wechat, WuUser, "转人工");
        await wucheng.Locator("#queue li").ClickAsync();
        await Expect(wucheng.Locator("#transcript")).ToContainTextAsync("已为你转接人工服务");

        await wucheng.FillAsync("#reply", "");
        await wucheng.Locator("#quick-reply").FocusAsync();
        await Expect(wucheng.Locator("#quick-reply option")).ToHaveCountAsync(2);
        await wucheng.Locator("#quick-reply").SelectOptionAsync(new SelectOptionValue { Label = "自我介绍" });
        const string filled = "你好，我是婺城小王。有急事可以随时拨打12355。";
        await Expect(wucheng.Locator("#reply")).ToHaveValueAsync(filled);
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await wechat.Api.WaitForAsync(c => c.ToUser == WuUser && c.Text == filled && c.ErrCode == 0, 1, TimeSpan.FromSeconds(10));
        Assert.Contains(filled, wechat.Api.TextsTo(WuUser));
    }

    [SkippableFact]
    public async Task A_double_click_on_send_sends_the_reply_once()
    {
        await using var desk = await OpenDeskAsync();
        var (wechat, wucheng) = (desk.WeChat, desk.WuCheng);
        await SayAsync(wechat, WuUser, "你好");
        await SayAsync(wechat, WuUser, "转人工");
        await wucheng.Locator("#queue li").ClickAsync();
        await Expect(wucheng.Locator("#transcript")).ToContainTextAsync("已为你转接人工服务");
        // A slow network: the first send is still on its way when the second click lands.
        var posts = 0;
        await wucheng.RouteAsync("**/reply", async route =>
        {
            Interlocked.Increment(ref posts);
            await Task.Delay(800);
            await route.ContinueAsync();
        });

        const string reply = "你好，我是婺城区的小王。";
        await wucheng.FillAsync("#reply", reply);
        await wucheng.DblClickAsync("#reply-form button[type=submit]");
        await Expect(wucheng.Locator("#transcript")).ToContainTextAsync(reply);
        await Expect(wucheng.Locator("#reply-form button[type=submit]")).ToBeEnabledAsync();
        await wucheng.PressAsync("#reply", "Enter"); // nothing left to send: the draft was cleared
        await Task.Delay(1500);

        Assert.Equal(1, posts);
        Assert.Equal([reply], wechat.Api.TextsTo(WuUser));
    }

    [SkippableFact]
    public async Task After_signing_out_the_next_member_at_the_same_browser_does_not_see_what_was_open()
    {
        await using var desk = await OpenDeskAsync();
        var (wechat, wucheng) = (desk.WeChat, desk.WuCheng);
        await SayAsync(wechat, WuUser, "你好");
        await SayAsync(wechat, WuUser, "转人工");
        await SayAsync(wechat, WuUser, "我家住在婺城区某某小区3栋");
        await wucheng.Locator("#queue li").ClickAsync();
        await Expect(wucheng.Locator("#transcript")).ToContainTextAsync("3栋");
        await wucheng.FillAsync("#reply", "写了一半的回复");

        await wucheng.ClickAsync("#logout");
        await Expect(wucheng.Locator("#login")).ToBeVisibleAsync();
        await wucheng.FillAsync("#login-user", "jindong");
        await wucheng.FillAsync("#login-password", ConsoleServer.Password);
        await wucheng.ClickAsync("#login-form button[type=submit]");
        await Expect(wucheng.Locator("#live")).ToHaveAttributeAsync("data-state", "open");

        await Expect(wucheng.Locator("#who")).ToContainTextAsync("jindong");
        await Expect(wucheng.Locator("#queue-empty")).ToBeVisibleAsync();
        await Expect(wucheng.Locator("#detail")).ToBeHiddenAsync();
        Assert.Equal(0, await wucheng.Locator("#transcript li").CountAsync());
        Assert.Equal("", await wucheng.InputValueAsync("#reply"));
        Assert.DoesNotContain("3栋", await wucheng.Locator("body").InnerTextAsync());
    }

    [SkippableFact]
    public async Task After_a_network_drop_the_console_reconnects_and_the_open_conversation_shows_what_came_meanwhile()
    {
        await using var desk = await OpenDeskAsync();
        var wechat = desk.WeChat;
        await using var network = new FlakyNetwork(wechat.Server.BaseAddress);
        var page = await ConsoleBrowser.SignInAsync(desk.Browser, network.Address, "wucheng");
        await SayAsync(wechat, WuUser, "你好");
        await SayAsync(wechat, WuUser, "转人工");
        await page.Locator("#queue li").ClickAsync();
        var transcript = page.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync("已为你转接人工服务");

        network.Down();
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "off");
        await SayAsync(wechat, WuUser, "断网时发来的消息"); // its event reaches no console
        await Task.Delay(4000); // the browser's reconnect attempts fail meanwhile
        network.Up();

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 20_000 });
        await Expect(transcript).ToContainTextAsync("断网时发来的消息");

        // The server restarts behind a gateway that answers 502 meanwhile: the browser gives the stream up, the
        // console keeps trying and is live again once the server is back.
        network.Down(gatewayError: true);
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "off");
        await SayAsync(wechat, WuUser, "服务器重启时发来的消息");
        await Task.Delay(5000);
        network.Up();

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 20_000 });
        await Expect(transcript).ToContainTextAsync("服务器重启时发来的消息");
    }

    [SkippableFact]
    public async Task Staff_see_a_new_help_request_live_acknowledge_answer_note_and_resolve_it_while_another_district_sees_nothing()
    {
        await using var desk = await OpenDeskAsync();
        var (wechat, server, wucheng, jindong) = (desk.WeChat, desk.WeChat.Server, desk.WuCheng, desk.JinDong);
        await OpenTicketsTabAsync(wucheng);
        await OpenTicketsTabAsync(jindong);
        await Expect(wucheng.Locator("#queue-empty")).ToBeVisibleAsync();

        // The user files a help request for 婺城区 through WeChat; it appears without a reload.
        var number = await FileHelpRequestAsync(wechat, WuUser, HostileDescription);
        var row = wucheng.Locator("#queue li");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(number);
        await Expect(row).ToContainTextAsync("待确认");
        await Expect(row).ToContainTextAsync("婺城区");

        await row.ClickAsync();
        var transcript = wucheng.Locator("#transcript");
        await Expect(wucheng.Locator("#d-title")).ToContainTextAsync(number);
        await Expect(transcript).ToContainTextAsync(HostileDescription);
        Assert.Equal(0, await transcript.Locator("script, img").CountAsync());
        Assert.True(await wucheng.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        // Only the ticket's own buttons: the hand-off's claim and assignment are not offered.
        await Expect(wucheng.Locator("#claim")).ToBeHiddenAsync();
        await Expect(wucheng.Locator("#assign-to")).ToBeHiddenAsync();
        await Expect(wucheng.Locator("#resolve")).ToBeHiddenAsync();

        await wucheng.ClickAsync("#t-ack");
        await Expect(wucheng.Locator("#d-meta")).ToContainTextAsync("已受理");
        await Expect(wucheng.Locator("#t-ack")).ToBeHiddenAsync();
        await Expect(row).ToContainTextAsync("已受理");
        await wucheng.ClickAsync("#t-progress");
        await Expect(wucheng.Locator("#d-meta")).ToContainTextAsync("处理中");
        await Expect(wucheng.Locator("#t-progress")).ToBeHiddenAsync();

        // What the user adds in the chat shows up in the open ticket by itself.
        var tickets = server.Get<TicketService>();
        var id = TicketNumber.Parse(number)!.Value;
        Assert.Equal(TicketOutcomeKind.Ok, tickets.UserAdd(id, WuUser, "补充：每天晚上十点以后还在施工").Kind);
        await Expect(transcript).ToContainTextAsync("每天晚上十点以后还在施工");

        const string answer = "你好，我是婺城区的小王，明天上午给你打电话，我们一起想办法。";
        await wucheng.FillAsync("#reply", answer);
        await wucheng.ClickAsync("#reply-form button[type=submit]");
        await wechat.Api.WaitForAsync(c => c.ToUser == WuUser && c.Text == answer && c.ErrCode == 0, 1, TimeSpan.FromSeconds(10));
        await Expect(transcript).ToContainTextAsync("明天上午给你打电话");
        await Expect(transcript).ToContainTextAsync("工作人员 婺城小王 回复"); // the display name, not the sign-in name

        const string note = "已联系社区网格员，周三上门了解情况。";
        await wucheng.FillAsync("#note", note);
        await wucheng.ClickAsync("#note-form button[type=submit]");
        await Expect(wucheng.Locator("#notes")).ToContainTextAsync(note);
        await Expect(wucheng.Locator("#notes")).ToContainTextAsync("婺城小王");
        await Expect(transcript).Not.ToContainTextAsync(note);
        Assert.DoesNotContain(note, wechat.Api.TextsTo(WuUser)); // notes stay internal

        wucheng.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await wucheng.ClickAsync("#t-resolve");
        await Expect(wucheng.Locator("#d-meta")).ToContainTextAsync("已办结");
        await Expect(wucheng.Locator("#t-resolve")).ToBeHiddenAsync();
        await Expect(wucheng.Locator("#t-reopen")).ToBeVisibleAsync();
        await Expect(wucheng.Locator("#view option").First).ToHaveTextAsync("待处理");
        await Expect(row).ToHaveCountAsync(0); // 待处理 lists open requests only
        var ticket = tickets.Find(id)!;
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal([TicketEntryKind.UserAddition, TicketEntryKind.StaffReply, TicketEntryKind.StaffNote], ticket.History.Select(h => h.Kind));
        // Every opening of the ticket is audited, so it is fetched once per thing that happened to it: opened,
        // acknowledged, in progress, the user's addition, reply, note, resolved — the console's own changes do
        // not fetch it a second time when their event comes back.
        Assert.Equal(7, server.Get<ChatAssistant.Audit.AuditLog>().Recent(100, "ticket:" + number).Count(e => e.Action == "ticket.view"));

        // A draft typed for one request is not carried to another conversation.
        await wucheng.FillAsync("#reply", "只给这位同学的话");
        await wucheng.GetByRole(AriaRole.Tab, new() { Name = "人工对话" }).ClickAsync();
        Assert.Equal("", await wucheng.InputValueAsync("#reply"));

        // The other district's console shows nothing (the stream's own filter: EscalationApiTests).
        await Expect(jindong.Locator("#queue-empty")).ToBeVisibleAsync();
        Assert.Equal(0, await jindong.Locator("#queue li").CountAsync());
        Assert.True(await jindong.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    private const string HostileDescription = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">楼上装修噪音很大，想请人调解";

    /// <summary>Walks 求助 over the WeChat callback (age 14–17 with consent, 婺城区, 纠纷调解, no phone, anonymous); returns the ticket number.</summary>
    private async Task<string> FileHelpRequestAsync(WeChatTestServer wechat, string openId, string description)
    {
        Assert.Contains("求助", await SayAsync(wechat, openId, "求助"));
        foreach (var (text, expected) in new[] { ("是", "年龄段"), ("3", "哪个县"), ("1", "哪方面"), ("1", "发生了什么"), (description, "怎么联系"), ("1", "匿名"), ("1", "请确认你的求助") })
            Assert.Contains(expected, await SayAsync(wechat, openId, text));
        var filed = await SayAsync(wechat, openId, "是");
        var number = System.Text.RegularExpressions.Regex.Match(filed, "QQ\\d{6}");
        Assert.True(number.Success, filed);
        return number.Value;
    }

    private static async Task OpenTicketsTabAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "求助工单" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "求助工单" })).ToHaveAttributeAsync("aria-selected", "true");
    }

    // .ci/run installs Chromium; under CI=true a missing one fails, elsewhere the test is skipped.
    private static void RequireChromium()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);
    }

    /// <summary>A fresh server with two districts' users bound, and each district's console signed in in Chromium.</summary>
    private static async Task<Desk> OpenDeskAsync()
    {
        RequireChromium();
        var wechat = await WeChatTestServer.StartAsync(scripted: false);
        await AddStaffAndBindUsersAsync(wechat.Server);
        var playwright = await Playwright.CreateAsync();
        var browser = await ConsoleBrowser.LaunchAsync(playwright);
        var desk = new Desk(wechat, playwright, browser);
        desk.WuCheng = await ConsoleBrowser.SignInAsync(browser, wechat.Server.BaseAddress, "wucheng");
        desk.JinDong = await ConsoleBrowser.SignInAsync(browser, wechat.Server.BaseAddress, "jindong");
        return desk;
    }

    private sealed class Desk(WeChatTestServer wechat, IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public WeChatTestServer WeChat => wechat;

        public IBrowser Browser => browser;

        public IPage WuCheng { get; set; } = null!;

        public IPage JinDong { get; set; } = null!;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await wechat.DisposeAsync();
        }
    }

    private static async Task AddStaffAndBindUsersAsync(AssistantServer server)
    {
        var staff = server.Get<StaffStore>();
        staff.Create("wucheng", ConsoleServer.Password, StaffRoles.Staff, "婺城区", "婺城小王");
        staff.Create("jindong", ConsoleServer.Password, StaffRoles.Staff, "金东区", "金东小张");
        var identity = server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district\nV001,小明,婺城区\nV002,小红,金东区\n")).Ok);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync(WuUser, identity.IssueCode(RosterKind.Volunteer, "V001").Code)).Status);
        Assert.Equal(BindStatus.Bound, (await identity.BindWithCodeAsync(JdUser, identity.IssueCode(RosterKind.Volunteer, "V002").Code)).Status);
    }

    /// <summary>Posts a signed text message to /api/wechat; returns the passive reply body.</summary>
    private async Task<string> SayAsync(WeChatTestServer wechat, string openId, string text)
    {
        var (status, body) = await wechat.PostAsync(WeChatRequestBuilder.Text(openId, text, Interlocked.Increment(ref _msgId)));
        Assert.Equal(200, status);
        return body;
    }

}
