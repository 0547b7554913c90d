using ChatAssistant.OnCall;
using ChatAssistant.Staff;
using ChatAssistant.StaffPhone;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.StaffPhone;

/// <summary>The WeCom and on-call settings stop the start naming what to fix; `staff update --wecom` links a member; rota hours read right.</summary>
public sealed class StaffPhoneSettingsTests
{
    private static readonly Dictionary<string, string?> WeCom = new()
    {
        ["WeCom:CorpId"] = "ww0123456789abcdef", ["WeCom:AgentId"] = "1000002", ["WeCom:Secret"] = "s",
        ["WeCom:Token"] = "wecomtoken42", ["WeCom:EncodingAESKey"] = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj",
    };

    [Theory]
    [InlineData("WeCom:AgentId", "", "'WeCom:AgentId'")]
    [InlineData("WeCom:AgentId", "app", "'WeCom:AgentId'")]
    [InlineData("WeCom:Secret", "", "'WeCom:Secret'")]
    [InlineData("WeCom:Token", "a b", "'WeCom:Token'")]
    [InlineData("WeCom:EncodingAESKey", "short", "'WeCom:EncodingAESKey'")]
    [InlineData("WeCom:CorpId", "", "'WeCom:CorpId'")]
    [InlineData("WeCom:ApiBaseUrl", "qyapi.weixin.qq.com", "'WeCom:ApiBaseUrl'")]
    public async Task A_bad_WeCom_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(WeCom) { [key] = value };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(settings));
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("Escalation:UrgentAcknowledgeWithin", "00:00:00", "'Escalation:UrgentAcknowledgeWithin'")]
    [InlineData("Escalation:UrgentAcknowledgeWithin", "2.00:00:00", "'Escalation:UrgentAcknowledgeWithin'")]
    [InlineData("Escalation:OnCall:0:Days", "8", "'Escalation:OnCall:0'")]
    [InlineData("Escalation:OnCall:0:From", "25:00", "'Escalation:OnCall:0'")]
    public async Task A_bad_on_call_setting_stops_start_up_naming_it(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Escalation:OnCall:0:County"] = "天台县", ["Escalation:OnCall:0:Staff"] = "alice", [key] = value };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AssistantServer.StartAsync(settings));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Without_WeCom_settings_the_server_starts_and_the_callback_answers_503()
    {
        await using var server = await AssistantServer.StartAsync();
        using var client = server.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/wecom?msg_signature=a&timestamp=1&nonce=1&echostr=x")).StatusCode);
    }

    [Theory]
    [InlineData("1-7", "18:00", "09:00", 2026, 11, 27, 3, 6, true)]   // Friday night shift, early Friday
    [InlineData("5", "18:00", "09:00", 2026, 11, 28, 8, 59, true)]    // Friday's night shift runs into Saturday morning
    [InlineData("5", "18:00", "09:00", 2026, 11, 27, 8, 59, false)]   // …but Thursday's night is not Friday's
    [InlineData("1-5", "09:00", "17:30", 2026, 11, 27, 17, 30, false)]
    [InlineData("6,7", "00:00", "00:00", 2026, 11, 29, 12, 0, true)]  // the whole of Sunday
    public void A_rota_line_covers_its_days_and_hours_in_Beijing_time(string days, string from, string to, int y, int m, int d, int h, int min, bool covers) =>
        Assert.Equal(covers, new OnCallShift { County = "天台县", Staff = "a", Days = days, From = from, To = to }.Covers(new DateTime(y, m, d, h, min, 0)));

    [Fact]
    public async Task Staff_update_links_a_member_to_a_WeCom_user_from_the_command_line()
    {
        using var data = new TempDirectory();
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        {
            server.Get<StaffStore>().Create("mei", "a long enough password", StaffRoles.Staff, "天台县");
            server.Get<StaffStore>().Create("li", "a long enough password", StaffRoles.Staff, "天台县");
        }
        var (code, stdout, _) = await CliProcess.RunAsync(data.Path, "staff", "update", "mei", "--wecom", "MeiWang", "--alerts", "all");
        Assert.Equal(0, code);
        Assert.Contains("WeCom member MeiWang", stdout);
        var (taken, _, error) = await CliProcess.RunAsync(data.Path, "staff", "update", "li", "--wecom", "MeiWang");
        Assert.Equal(1, taken);
        Assert.Contains("already linked", error);
        await using (var server = await AssistantServer.StartAsync(dataDirectory: data.Path))
        {
            var mei = server.Get<StaffStore>().Find("mei")!;
            var link = server.Get<IStaffWeComLinks>().ForWeComUser("MeiWang");
            Assert.Equal((mei.Id, StaffAlertPreference.All), (link!.Id, link.Alerts));
        }
    }
}
