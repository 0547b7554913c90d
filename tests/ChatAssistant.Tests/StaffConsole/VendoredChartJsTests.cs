using System.Net;
using System.Security.Cryptography;
using ChatAssistant.StaffConsole;
using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>
/// The dashboard's chart library is Chart.js 4.6.1 exactly as npm serves it (bot/StaffConsole/Vendor/chartjs/README.md),
/// its licence is kept and served, and both come with the console's security headers.
/// </summary>
public sealed class VendoredChartJsTests
{
    private const string Sha256 = "87364cc2b2a76a6684929e7d6b80b18a897794db38400caff1fcf1791c6925d2";

    [Fact]
    public async Task The_console_serves_chart_js_4_6_1_unchanged_with_its_licence()
    {
        await using var server = await AssistantServer.StartAsync();
        using var client = server.CreateClient(cookies: false);

        var script = await client.GetAsync("/staff/" + StaffConsolePage.ChartJs);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var bytes = await script.Content.ReadAsByteArrayAsync();
        Assert.Equal(Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains("Chart.js v4.6.1", System.Text.Encoding.UTF8.GetString(bytes, 0, 200), StringComparison.Ordinal);
        Assert.Equal(StaffConsolePage.ContentSecurityPolicy, script.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);

        var licence = await client.GetStringAsync("/staff/chart.js.LICENSE.md");
        Assert.Contains("The MIT License", licence, StringComparison.Ordinal);
        Assert.Contains("Chart.js Contributors", licence, StringComparison.Ordinal);

        var page = await client.GetStringAsync("/staff");
        Assert.Contains("<script src=\"/staff/chart.umd.min.js\" defer></script>", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/staff/dashboard.js\" defer></script>", page, StringComparison.Ordinal);
    }
}
