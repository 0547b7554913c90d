using System.Net;
using ChatAssistant.Tests.Support;
using OpenTelemetry.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAssistant.Tests.Operations;

/// <summary><c>OpenTelemetry:Enabled=false</c> turns metrics and traces off: no meter provider, no <c>/metrics</c>.</summary>
public sealed class TelemetrySwitchTests
{
    [Fact]
    public async Task Switched_off_there_is_no_metrics_endpoint_and_nothing_listens()
    {
        await using var off = await AssistantServer.StartAsync(new Dictionary<string, string?> { ["OpenTelemetry:Enabled"] = "false" });
        using var client = off.CreateClient(cookies: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Null(off.Services.GetService<MeterProvider>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);

        await using var on = await AssistantServer.StartAsync();
        using var onClient = on.CreateClient(cookies: false);
        Assert.Equal(HttpStatusCode.OK, (await onClient.GetAsync("/metrics")).StatusCode);
        Assert.NotNull(on.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Metrics:AllowedAddresses:0", "10.0.0.300", "Metrics:AllowedAddresses:0")]
    [InlineData("OpenTelemetry:Endpoint", "collector:4317", "OpenTelemetry:Endpoint")]
    [InlineData("OpenTelemetry:Protocol", "udp", "OpenTelemetry:Protocol")]
    public async Task A_bad_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => AssistantServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
