using System.Text;
using System.Text.Json;
using ChatAssistant.Adapters.Telemetry;
using ChatAssistant.Booking;
using ChatAssistant.Disputes;
using ChatAssistant.Escalation;
using ChatAssistant.Hours;
using ChatAssistant.Identity;
using ChatAssistant.Operations;
using ChatAssistant.Staff;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAssistant.Tests.Operations;

/// <summary>
/// 数据看板 in a real browser (Debian's Chromium through Playwright) against the real server and a seeded week of records:
/// every chart is drawn under the console's Content-Security-Policy, its table holds the API's numbers (and the CSV the
/// same, with a BOM), and a member of one county sees only that county. Screenshots go to <c>artifacts/</c> beside the
/// test assembly.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Chromium = ConsoleBrowser.Chromium;
    private const string From = "2026-11-20";
    private const string To = "2026-11-26";

    [SkippableFact]
    public async Task The_dashboard_draws_every_chart_with_the_apis_numbers_and_a_county_sees_only_itself()
    {
        var missing = $"{Chromium} is missing; install it with 'apt-get install chromium'.";
        if (RedisServerBinary.IsCi) Assert.True(File.Exists(Chromium), missing);
        Skip.IfNot(File.Exists(Chromium), missing);

        var time = new FakeTimeProvider(BotHarness.DefaultNow); // Thu 2026-11-26 10:00 Beijing
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var server = await AssistantServer.StartAsync(new Dictionary<string, string?> { ["Booking:SeedDemoStudio"] = "false" },
            s => s.AddSingleton<TimeProvider>(time));
        server.Get<StaffStore>().Create("admin", ConsoleServer.Password, StaffRoles.Admin, null, "管理员");
        server.Get<StaffStore>().Create("wucheng", ConsoleServer.Password, StaffRoles.Staff, "婺城区", "婺城小王");
        Seed(server, time);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ConsoleBrowser.LaunchAsync(playwright);

        var admin = await OpenBoardAsync(browser, server.BaseAddress, "admin");
        var all = await ApiAsync(admin);
        Assert.Null(all.GetProperty("scope").GetString());
        await CheckEveryChartAsync(admin, all);
        await Expect(admin.Locator("#board-scope")).ToHaveTextAsync("范围：全部区县");
        // The seeded figures themselves (so an empty report could not pass).
        Assert.Equal(12 + 5, all.GetProperty("messagesPerDay").EnumerateArray().Sum(d => d.GetProperty("messages").GetInt64()));
        Assert.Equal(["婺城区", "金东区"], Names(all, "ticketsByCounty"));
        Assert.Equal(2, all.GetProperty("handoffs").GetProperty("opened").GetInt32());
        Assert.Equal(1, all.GetProperty("handoffs").GetProperty("acknowledgedInTime").GetInt32());
        await CheckCsvAsync(admin, all);
        await ScreenshotAsync(admin, "dashboard-admin.png");

        var member = await OpenBoardAsync(browser, server.BaseAddress, "wucheng");
        var own = await ApiAsync(member);
        Assert.Equal("婺城区", own.GetProperty("scope").GetString());
        await CheckEveryChartAsync(member, own);
        await Expect(member.Locator("#board-scope")).ToHaveTextAsync("范围：婺城区");
        Assert.Equal(12, own.GetProperty("messagesPerDay").EnumerateArray().Sum(d => d.GetProperty("messages").GetInt64()));
        Assert.Equal(["婺城区"], Names(own, "ticketsByCounty"));
        Assert.Equal(["婺城区"], own.GetProperty("duty").EnumerateArray().Select(r => r.GetProperty("county").GetString()!).ToArray());
        Assert.Equal(["婺城区"], own.GetProperty("hours").EnumerateArray().Select(r => r.GetProperty("county").GetString()!).ToArray());
        Assert.Equal(1, own.GetProperty("handoffs").GetProperty("opened").GetInt32());
        var page = await member.ContentAsync();
        Assert.DoesNotContain("金东区", await member.Locator("#board-charts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("金东", page, StringComparison.Ordinal);
        await ScreenshotAsync(member, "dashboard-wucheng.png");
    }

    private static string[] Names(JsonElement report, string property) =>
        report.GetProperty(property).EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();

    private static async Task<IPage> OpenBoardAsync(IBrowser browser, Uri server, string userName)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = server.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // Any Content-Security-Policy violation the page meets is kept for the test to see.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync("/staff");
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", ConsoleServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.GetByRole(AriaRole.Tab, new() { Name = "数据看板" }).ClickAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await page.FillAsync("#board-from", From);
        await page.FillAsync("#board-to", To);
        await page.ClickAsync("#board-period button[type=submit]");
        await Expect(page.Locator("#board")).ToHaveAttributeAsync("data-loaded", $"{From}/{To}");
        return page;
    }

    private static async Task<JsonElement> ApiAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/staff/dashboard?from={From}&to={To}");
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement;
    }

    // Every chart: drawn by Chart.js on a canvas with a size, its data the table's, the table the API's.
    private static async Task CheckEveryChartAsync(IPage page, JsonElement api)
    {
        await Expect(page.Locator("#board-charts section.chart[data-rendered=true]")).ToHaveCountAsync(DashboardCsv.Charts.Count);
        foreach (var chart in DashboardCsv.Charts)
        {
            var table = await page.Locator($"table[data-chart='{chart}'] tbody tr").EvaluateAllAsync<string[][]>(
                "rows => rows.map(r => [...r.cells].map(c => c.textContent))");
            var expected = ExpectedRows(api, chart);
            Assert.True(expected.Length == table.Length, $"{chart}: {table.Length} rows on the page, {expected.Length} from the API");
            for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], table[i]);
            var drawn = await page.EvaluateAsync<JsonElement>(
                "name => { const c = document.querySelector(`section[data-chart='${name}'] canvas`); const ch = window.Chart.getChart(c); " +
                "return { width: c.width, height: c.height, labels: ch.data.labels, data: ch.data.datasets.map(d => d.data) }; }", chart);
            Assert.True(drawn.GetProperty("width").GetInt32() > 0 && drawn.GetProperty("height").GetInt32() > 0, chart);
            Assert.Equal(expected.Select(r => r[0]), drawn.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
            var first = drawn.GetProperty("data")[0].EnumerateArray().Select(v => v.GetDecimal()).ToArray();
            Assert.Equal(expected.Select(r => decimal.Parse(r[chart == "duty" ? 2 : 1], System.Globalization.CultureInfo.InvariantCulture)), first);
        }
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
    }

    // What the page's table should say, from the API's JSON (the same rows the CSV has, without its header).
    private static string[][] ExpectedRows(JsonElement d, string chart)
    {
        static string N(JsonElement e) => e.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[][] Pairs(string property, string name, string count) =>
            d.GetProperty(property).EnumerateArray().Select(r => new[] { r.GetProperty(name).GetString()!, N(r.GetProperty(count)) }).ToArray();
        var a = d.GetProperty("answers");
        var h = d.GetProperty("handoffs");
        return chart switch
        {
            "messages" => Pairs("messagesPerDay", "day", "messages"),
            "answers" => [["直接答上", N(a.GetProperty("answered"))], ["请用户选择", N(a.GetProperty("clarified"))], ["不太确定", N(a.GetProperty("notSure"))],
                ["寒暄", N(a.GetProperty("smallTalk"))], ["功能办理", N(a.GetProperty("flow"))]],
            "unanswered" => Pairs("topUnanswered", "name", "count"),
            "handoffs" => [["期间新转人工", N(h.GetProperty("opened"))], ["时限内接手", N(h.GetProperty("acknowledgedInTime"))],
                ["正在等待", N(h.GetProperty("waitingNow"))], ["等待已超时", N(h.GetProperty("overdueNow"))]],
            "tickets-category" => Pairs("ticketsByCategory", "name", "count"),
            "tickets-county" => Pairs("ticketsByCounty", "name", "count"),
            "duty" => d.GetProperty("duty").EnumerateArray().Select(r => new[] { r.GetProperty("county").GetString()!, N(r.GetProperty("delegates")),
                N(r.GetProperty("required")), N(r.GetProperty("attended")), N(r.GetProperty("met")) }).ToArray(),
            "hours" => d.GetProperty("hours").EnumerateArray().Select(r => new[] { r.GetProperty("county").GetString()!, N(r.GetProperty("hoursImported")),
                N(r.GetProperty("pointsRedeemed")) }).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(chart)),
        };
    }

    // Each chart's CSV: a UTF-8 BOM, a header, then the table's rows.
    private static async Task CheckCsvAsync(IPage page, JsonElement api)
    {
        foreach (var chart in DashboardCsv.Charts)
        {
            var href = await page.Locator($"section[data-chart='{chart}'] a[download]").GetAttributeAsync("href");
            var response = await page.Context.APIRequest.GetAsync(href!);
            Assert.Equal(200, response.Status);
            var bytes = await response.BodyAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(ExpectedRows(api, chart).Select(r => string.Join(',', r)), lines.Skip(1));
        }
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, path);
    }

    // A week of records in two counties: message tallies, two hand-offs (one acknowledged in time), three help requests,
    // delegates with attended duties, imported hours and a redemption.
    private static void Seed(AssistantServer server, FakeTimeProvider time)
    {
        var db = server.Get<ILiteDatabase>();
        var counts = db.GetCollection<DailyCount>(ChatAssistant.Operations.LiteDb.LiteDailyCountStore.Collection);
        void Count(string day, string county, string kind, long n, string topic = "") =>
            counts.Upsert(new DailyCount { Id = $"{day}|{county}|{kind}|{topic}", Day = day, County = county, Kind = kind, Topic = topic, Count = n });
        Count("2026-11-20", "婺城区", DailyTally.Messages, 5);
        Count("2026-11-23", "婺城区", DailyTally.Messages, 7);
        Count("2026-11-24", "金东区", DailyTally.Messages, 5);
        Count("2026-11-19", "婺城区", DailyTally.Messages, 40); // before the period
        Count("2026-11-20", "婺城区", AssistantTelemetry.Kinds.Answered, 6);
        Count("2026-11-23", "婺城区", AssistantTelemetry.Kinds.Clarified, 2);
        Count("2026-11-23", "婺城区", AssistantTelemetry.Kinds.NotSure, 3, "志愿者注册");
        Count("2026-11-24", "金东区", AssistantTelemetry.Kinds.NotSure, 2, "时长查询");
        Count("2026-11-24", "金东区", AssistantTelemetry.Kinds.Flow, 3);

        var now = time.GetUtcNow();
        var escalations = server.Get<EscalationStore>();
        escalations.Open(new EscalationRecord { ChannelId = "wechat", UserId = "oA", ConversationId = "oA", ConversationKey = "wechat|oA", County = "婺城区",
            Status = EscalationStatus.Claimed, CreatedAt = now.AddDays(-2), ClaimedAt = now.AddDays(-2).AddHours(1) });
        escalations.Open(new EscalationRecord { ChannelId = "wechat", UserId = "oB", ConversationId = "oB", ConversationKey = "wechat|oB", County = "金东区",
            Status = EscalationStatus.Waiting, CreatedAt = now.AddDays(-3) });

        var tickets = db.GetCollection<Ticket>(TicketService.Collection);
        tickets.Insert(new Ticket { County = "婺城区", Category = "纠纷调解", Status = TicketStatus.New, CreatedAt = now.AddDays(-1) });
        tickets.Insert(new Ticket { County = "婺城区", Category = "心理疏导", Status = TicketStatus.Resolved, CreatedAt = now.AddDays(-4) });
        tickets.Insert(new Ticket { County = "金东区", Category = "纠纷调解", Status = TicketStatus.New, CreatedAt = now.AddDays(-2) });

        var identity = server.Get<IdentityService>();
        Assert.True(identity.Import(RosterKind.Delegate, new StringReader("id,name,district,phone\nD1,代表甲,婺城区,13800000001\nD2,代表乙,婺城区,13800000002\nD3,代表丙,金东区,13800000003\n")).Ok);
        Assert.True(identity.Import(RosterKind.Volunteer, new StringReader("id,name,district,phone\nV1,志愿者甲,婺城区,13900000001\nV2,志愿者乙,金东区,13900000002\n")).Ok);
        var bookings = db.GetCollection<DutyBooking>(ChatAssistant.Booking.LiteDb.LiteBookingStore.Collection);
        var place = 0;
        void Duty(string member, int daysAgo) => bookings.Insert(new DutyBooking
        {
            StudioId = 1, MemberId = member, ChannelId = "wechat", UserId = "o" + member, Start = now.AddDays(-daysAgo), End = now.AddDays(-daysAgo).AddHours(2),
            Place = ++place, PlaceKey = "seed-" + place, SlotKey = "seed-slot-" + place, Status = BookingStatus.Booked, Attendance = Attendance.Attended,
        });
        Duty("D1", 30);
        Duty("D1", 10);
        Duty("D2", 5);
        Duty("D3", 3);

        var hours = server.Get<IHoursStore>();
        void Hours(string id, string district, string volunteer, decimal h) => hours.AddRecord(new HourRecord
        {
            Key = HourRecord.KeyOf(district, id), RecordId = id, District = district, VolunteerId = volunteer, Activity = "社区服务", Organiser = "团区委",
            Date = "2026-11-18", StartMinute = 540, EndMinute = 540 + (int)(h * 60), Hours = h, Status = RecordStatus.Verified, ImportId = "seed", ImportedAt = now.AddDays(-1),
        });
        Hours("R1", "婺城区", "V1", 3);
        Hours("R2", "婺城区", "V1", 2.5m);
        Hours("R3", "金东区", "V2", 4);
        hours.AddOrder(new RedemptionOrder { OrderNo = "O1", VolunteerId = "V1", ItemId = "i1", ItemName = "文具", Points = 3, Status = OrderStatus.Placed, PlacedAt = now.AddDays(-1) });
        hours.AddOrder(new RedemptionOrder { OrderNo = "O2", VolunteerId = "V2", ItemId = "i1", ItemName = "文具", Points = 2, Status = OrderStatus.Cancelled, PlacedAt = now.AddDays(-1) });
    }
}
