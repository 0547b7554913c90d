using System.Net;
using System.Text.Json;
using ChatAssistant.Disputes;
using ChatAssistant.Tests.Support.WeChat;

namespace ChatAssistant.Tests.Disputes;

/// <summary>Counties configured by city (<c>Disputes:Cities</c>) and a default scope for 其他地区 (<c>Escalation:DefaultScope</c>).</summary>
public sealed class ConfiguredCounties : WeChatAssistant
{
    public const string DefaultScope = "台州团市委";

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Disputes:Cities:台州市:0"] = "天台县";
        settings["Disputes:Cities:台州市:1"] = "临海市";
        settings["Disputes:Cities:金华市:0"] = "婺城区";
        settings["Disputes:Cities:金华市:1"] = "义乌市";
        settings["Escalation:DefaultScope"] = DefaultScope;
        return settings;
    }
}

/// <summary>
/// Issue item 6 over the real WeChat endpoint: the counties a help request lists come from configuration, grouped by
/// city; a typed name (「天台」) is accepted; the county's staff see the request, others do not; 其他地区 goes to the
/// default scope and is listed as unassigned.
/// </summary>
public sealed class CountiesOverWeChatTests(ConfiguredCounties assistant) : IClassFixture<ConfiguredCounties>
{
    private async Task<Ticket> FileAsync(string openId, string county)
    {
        var user = assistant.User(openId);
        await user.SayAsync("求助");
        await user.SayAsync("是");
        var counties = await user.SayAsync("2");
        Assert.Contains(DisputeTexts.AskCounty + "\n台州市：\n1. 天台县\n2. 临海市\n金华市：\n3. 婺城区\n4. 义乌市\n5. 其他地区\n" + DisputeTexts.CountyFooter, counties);
        Assert.Contains(DisputeTexts.AskCategory, await user.SayAsync(county));
        await user.SayAsync("2");
        await user.SayAsync("最近和同学相处不好，心里很烦，想找老师聊聊。");
        await user.SayAsync("1");
        await user.SayAsync("1");
        Assert.Contains("已提交，求助编号", await user.SayAsync("是"));
        return Assert.Single(DisputeFixtures.AllTickets(assistant.WeChat.Services), t => t.UserId == openId);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient staff)
    {
        var response = await staff.GetAsync("/api/staff/tickets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToArray();
    }

    [Theory]
    [InlineData("oTiantai1", "天台", "天台县")]
    [InlineData("oTiantai2", "我在天台", "天台县")]
    [InlineData("oTiantai3", "台州市天台县", "天台县")]
    [InlineData("oLinhai", "临海", "临海市")]
    [InlineData("oYiwu", "4", "义乌市")]
    public async Task A_county_typed_or_picked_files_the_request_for_that_countys_staff(string openId, string answer, string county)
    {
        var ticket = await FileAsync(openId, answer);
        Assert.Equal(county, ticket.County);

        using var own = assistant.Staff("staff-" + openId, county);
        using var other = assistant.Staff("other-" + openId, county == "婺城区" ? "义乌市" : "婺城区");
        var row = Assert.Single(await ListAsync(own), r => r.GetProperty("number").GetString() == ticket.Number);
        Assert.False(row.GetProperty("unassigned").GetBoolean());
        Assert.DoesNotContain(await ListAsync(other), r => r.GetProperty("number").GetString() == ticket.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/staff/tickets/{ticket.Number}")).StatusCode);
    }

    [Theory]
    [InlineData("oOther1", "5")]
    [InlineData("oOther2", "其他")]
    public async Task A_request_from_another_area_goes_to_the_default_scope_and_is_listed_as_unassigned(string openId, string answer)
    {
        var ticket = await FileAsync(openId, answer);
        Assert.Equal(DisputeTexts.OtherArea, ticket.County);

        using var city = assistant.Staff("city-" + openId, ConfiguredCounties.DefaultScope);
        using var county = assistant.Staff("county-" + openId, "天台县");
        using var admin = assistant.Staff("admin-" + openId, null);
        var row = Assert.Single(await ListAsync(city), r => r.GetProperty("number").GetString() == ticket.Number);
        Assert.True(row.GetProperty("unassigned").GetBoolean());
        Assert.Equal(DisputeTexts.OtherArea, row.GetProperty("county").GetString());
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/staff/tickets/{ticket.Number}")).StatusCode);
        Assert.Contains(await ListAsync(admin), r => r.GetProperty("number").GetString() == ticket.Number);
        Assert.DoesNotContain(await ListAsync(county), r => r.GetProperty("number").GetString() == ticket.Number);
    }

    [Fact]
    public async Task A_place_that_is_not_listed_is_asked_again_with_a_hint()
    {
        var user = assistant.User("oNowhere");
        await user.SayAsync("求助");
        await user.SayAsync("是");
        await user.SayAsync("2");
        Assert.Contains(DisputeTexts.CountyNotFound, await user.SayAsync("火星"));
        Assert.Contains(DisputeTexts.AskCategory, await user.SayAsync("婺城区"));
    }
}

/// <summary>Issue item 6 with no county setting at all: the default list has the seed's counties, 天台县 among them.</summary>
public sealed class DefaultCountiesOverWeChatTests(WeChatAssistant assistant) : IClassFixture<WeChatAssistant>
{
    [Fact]
    public async Task A_tiantai_student_files_under_the_default_list_and_tiantai_staff_see_it()
    {
        var user = assistant.User("oTiantaiDefault");
        await user.SayAsync("求助");
        await user.SayAsync("是");
        var counties = await user.SayAsync("2");
        Assert.Contains("金华市：\n1. 婺城区\n2. 金东区", counties);
        Assert.Contains("台州市：\n10. 天台县\n绍兴市：\n11. 嵊州市\n杭州市：\n12. 江干区\n13. 其他地区", counties);
        await user.SayAsync("天台");
        await user.SayAsync("1");
        await user.SayAsync("和邻居因为停车位的事闹得很僵，想请人帮忙调解。");
        await user.SayAsync("1");
        await user.SayAsync("1");
        await user.SayAsync("是");
        var ticket = Assert.Single(DisputeFixtures.AllTickets(assistant.WeChat.Services), t => t.UserId == "oTiantaiDefault");
        Assert.Equal("天台县", ticket.County);

        using var tiantai = assistant.Staff("tiantai", "天台县");
        var list = JsonDocument.Parse(await tiantai.GetStringAsync("/api/staff/tickets")).RootElement.EnumerateArray();
        Assert.Contains(list, r => r.GetProperty("number").GetString() == ticket.Number);
    }
}
