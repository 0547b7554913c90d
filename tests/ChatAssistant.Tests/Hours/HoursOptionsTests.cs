using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Hours;

public sealed class HoursOptionsTests
{
    [Theory]
    [InlineData("Hours:PointsPerHour", "0")]
    [InlineData("Hours:MaxHoursPerDay", "30")]
    [InlineData("Hours:HoursTolerance", "-1")]
    public async Task A_bad_hours_setting_stops_start_up_naming_the_setting(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AssistantServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains($"'{key}'", error.Message);
    }
}
