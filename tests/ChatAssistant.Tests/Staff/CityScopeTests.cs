using System.Net;
using ChatAssistant.Audit;
using ChatAssistant.Booking;
using ChatAssistant.Escalation;
using ChatAssistant.Identity;
using ChatAssistant.Staff;
using ChatAssistant.Tests.Disputes;
using ChatAssistant.Tests.StaffConsole;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Staff;

/// <summary>
/// Staff scope as a hierarchy over real HTTP: province admin → city (an Official Account's name as the scope) → county.
/// Two accounts, 金华 (婺城区, 金东区) and 天台 (天台县): 金华's city staff see and act on the records of both of its
/// counties and nothing of 天台's — help requests, hand-offs, rosters, hours, studios — each refusal a 403/404 on the
/// audit log; a county's staff see only their county; the province admin sees everything.
/// </summary>
public sealed class CityScopeTests : IAsyncLifetime
{
    private const string Pw = ConsoleServer.Password;
    private AssistantServer _server = null!;

    public async Task InitializeAsync()
    {
        (_server, _) = await ConsoleServer.StartAsync(new Dictionary<string, string?>
        {
            ["WeChat:Accounts:jinhua:Token"] = "jinhuatoken1",
            ["WeChat:Accounts:jinhua:AppId"] = "wxjinhua000000001",
            ["WeChat:Accounts:jinhua:Counties:0"] = "婺城区",
            ["WeChat:Accounts:jinhua:Counties:1"] = "金东区",
            ["WeChat:Accounts:tiantai:Token"] = "tiantaitoken2",
            ["WeChat:Accounts:tiantai:AppId"] = "wxtiantai00000002",
            ["WeChat:Accounts:tiantai:Counties:0"] = "天台县",
            ["WeChat:Accounts:tiantai:DisplayName"] = "天台青年",
            ["Disputes:EncryptionKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
            ["Identity:CodeSecret"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 7)).ToArray()),
        }, s => s.AddSingleton<IEscalationCountySource>(new FixedCountySource(new Dictionary<string, string> { ["tt1"] = "天台县" })));
        var staff = _server.Get<StaffStore>();
        staff.Create("jinhua-city", Pw, "staff", "jinhua", "金华团市委小周");
        staff.Create("tiantai-city", Pw, "staff", "tiantai", "天台团县委小林");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<AuditEntry> Refusals(string actor) =>
        _server.Get<AuditLog>().Recent(500, actor: actor).Where(e => e.Action == StaffApi.RefusedAction).ToList();

    [Fact]
    public async Task A_city_sees_its_own_counties_only_and_every_refusal_is_audited_while_the_province_admin_sees_all()
    {
        // One record of each kind in each city: 金东区 (金华) and 天台县 (天台).
        var ours = DisputeFixtures.File(_server.Services, "金东区", userId: "jd-ticket");
        var theirs = DisputeFixtures.File(_server.Services, "天台县", userId: "tt-ticket");
        await new InProcessUser(_server, "jd1").SayAsync("转人工");
        await new InProcessUser(_server, "tt1").SayAsync("转人工");
        var escalations = _server.Get<ChatAssistant.Escalation.EscalationStore>().All().ToList();
        var ourEscalation = Assert.Single(escalations, r => r.County == "金东区").Id.ToString();
        var theirEscalation = Assert.Single(escalations, r => r.County == "天台县").Id.ToString();
        Assert.True(_server.Get<IdentityService>().Import(RosterKind.Volunteer, new StringReader("id,name,district\nV100,金东志愿者,金东区\nV200,天台志愿者,天台县\n")).Ok);
        var studios = _server.Get<IStudioStore>().All();
        var theirStudio = Assert.Single(studios, s => s.County == "天台县").Id;

        using var city = await StaffSession.SignInAsync(_server, "jinhua-city", Pw);

        // Lists: 金华's records in, 天台's out.
        var tickets = await (await city.GetAsync("/api/staff/tickets")).Content.ReadAsStringAsync();
        Assert.Contains(ours.Number, tickets);
        Assert.DoesNotContain(theirs.Number, tickets);
        var queue = await (await city.GetAsync("/api/staff/escalations")).Content.ReadAsStringAsync();
        Assert.Contains(ourEscalation, queue);
        Assert.DoesNotContain(theirEscalation, queue);
        var roster = await (await city.GetAsync("/api/staff/rosters/volunteer")).Content.ReadAsStringAsync();
        Assert.Contains("V100", roster);
        Assert.DoesNotContain("V200", roster);
        var ownStudios = await (await city.GetAsync("/api/staff/booking/studios")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("天台县", ownStudios);

        // Views and actions on 天台's records: refused, each on the audit log.
        var refused = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, $"/api/staff/tickets/{theirs.Number}"),
            (HttpMethod.Post, $"/api/staff/tickets/{theirs.Number}/acknowledge"),
            (HttpMethod.Get, $"/api/staff/escalations/{theirEscalation}"),
            (HttpMethod.Post, $"/api/staff/escalations/{theirEscalation}/claim"),
            (HttpMethod.Post, "/api/staff/rosters/volunteer/V200/code"),
            (HttpMethod.Get, "/api/staff/hours/volunteers/V200"),
            (HttpMethod.Get, "/api/staff/hours/volunteers/V200/statement"),
            (HttpMethod.Get, $"/api/staff/booking/studios/{theirStudio}"),
            (HttpMethod.Get, $"/api/staff/booking/studios/{theirStudio}/calendar"),
        };
        foreach (var (method, path) in refused)
        {
            var response = method == HttpMethod.Get ? await city.GetAsync(path) : await city.PostAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
            Assert.Contains(Refusals("staff:jinhua-city"), e => e.Subject == $"{method} {path}");
        }
        // A roster upload naming a 天台 volunteer is refused as a whole.
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/staff/rosters/volunteer/import")
        {
            Content = new StringContent("id,name,district\nV300,新志愿者,婺城区\nV301,越界志愿者,天台县\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        upload.Headers.Add("X-CSRF-TOKEN", city.Csrf);
        Assert.Equal(HttpStatusCode.BadRequest, (await city.Client.SendAsync(upload)).StatusCode);
        Assert.Null(_server.Get<IdentityService>().FindByMemberId(RosterKind.Volunteer, "V300"));

        // The same actions on 金华's own records, in either of its counties, work.
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/staff/tickets/{ours.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/staff/escalations/{ourEscalation}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsync($"/api/staff/escalations/{ourEscalation}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/staff/hours/volunteers/V100")).StatusCode);

        // A county below 金华 sees its own county, not its sibling's.
        using var wucheng = await StaffSession.SignInAsync(_server, "wucheng", Pw);
        Assert.Equal(HttpStatusCode.NotFound, (await wucheng.GetAsync("/api/staff/hours/volunteers/V100")).StatusCode);
        Assert.DoesNotContain(ours.Number, await (await wucheng.GetAsync("/api/staff/tickets")).Content.ReadAsStringAsync());

        // 天台's city staff see theirs; the province admin sees both cities.
        using var tiantai = await StaffSession.SignInAsync(_server, "tiantai-city", Pw);
        Assert.Equal(HttpStatusCode.OK, (await tiantai.GetAsync($"/api/staff/tickets/{theirs.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tiantai.GetAsync($"/api/staff/tickets/{ours.Number}")).StatusCode);
        using var admin = await StaffSession.SignInAsync(_server, "admin", Pw);
        var all = await (await admin.GetAsync("/api/staff/tickets")).Content.ReadAsStringAsync();
        Assert.Contains(ours.Number, all);
        Assert.Contains(theirs.Number, all);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/staff/escalations/{theirEscalation}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/staff/hours/volunteers/V200")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/staff/booking/studios/{theirStudio}")).StatusCode);
        Assert.Empty(Refusals("staff:admin"));
    }

    [Fact]
    public async Task The_console_lists_say_which_account_each_item_came_through_and_filter_by_account()
    {
        const string Tiantai = "wechat:wxtiantai00000002", Jinhua = "wechat:wxjinhua000000001";
        var fromTiantai = DisputeFixtures.File(_server.Services, "天台县", userId: "o_tt_user", channel: Tiantai);
        var fromJinhua = DisputeFixtures.File(_server.Services, "金东区", userId: "o_jh_user", channel: Jinhua);
        using var admin = await StaffSession.SignInAsync(_server, "admin", Pw);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/staff/escalations", new { channelId = Tiantai, userId = "o_tt_user" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/staff/escalations", new { channelId = Jinhua, userId = "o_jh_user" })).StatusCode);

        var accounts = await admin.GetJsonAsync("/api/staff/wechat-accounts");
        Assert.Equal(["jinhua:jinhua", "tiantai:天台青年"], accounts.EnumerateArray().Select(a => $"{a.GetProperty("name").GetString()}:{a.GetProperty("displayName").GetString()}").Order().ToArray());

        var tickets = await admin.GetJsonAsync("/api/staff/tickets?account=tiantai");
        var only = Assert.Single(tickets.EnumerateArray());
        Assert.Equal((fromTiantai.Number, "tiantai", "天台青年"), (only.GetProperty("number").GetString(), only.GetProperty("account").GetString(), only.GetProperty("accountName").GetString()));
        Assert.Equal(2, (await admin.GetJsonAsync("/api/staff/tickets")).GetArrayLength());
        Assert.Equal(fromJinhua.Number, Assert.Single((await admin.GetJsonAsync("/api/staff/tickets?account=jinhua")).EnumerateArray()).GetProperty("number").GetString());

        var queue = (await admin.GetJsonAsync("/api/staff/escalations?account=tiantai")).GetProperty("items");
        Assert.Equal("天台青年", Assert.Single(queue.EnumerateArray()).GetProperty("accountName").GetString());
        Assert.Equal(2, (await admin.GetJsonAsync("/api/staff/escalations")).GetProperty("items").GetArrayLength());
        Assert.Empty((await admin.GetJsonAsync("/api/staff/escalations?account=nosuch")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public void A_city_scope_covers_its_accounts_counties_and_a_county_scope_only_itself()
    {
        var scopes = _server.Get<StaffScopes>();
        var city = scopes.Of(new StaffAccount { Role = StaffRoles.Staff, Scope = "jinhua" });
        var county = scopes.Of(new StaffAccount { Role = StaffRoles.Staff, Scope = "婺城区" });
        Assert.True(city.Covers("婺城区") && city.Covers("金东区"));
        Assert.False(city.Covers("天台县") || city.Covers("义乌市") || city.Covers(null));
        Assert.True(county.Covers("婺城区"));
        Assert.False(county.Covers("金东区"));
        Assert.True(city.Contains(county) && !county.Contains(city));
        Assert.True(scopes.Of(new StaffAccount { Role = StaffRoles.Admin }).Covers("天台县"));
    }
}
