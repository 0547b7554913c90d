using ChatAssistant.Booking;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Tests.Booking.Door;

public sealed class DoorOptionsTests
{
    [Fact]
    public void By_default_the_door_screen_renews_its_code_every_minute_and_a_code_checks_in_for_two_minutes()
    {
        var defaults = new BookingOptions();
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)), (defaults.DoorCodeRenewal, defaults.DoorCodeValidity));
    }

    [Theory]
    [InlineData("Booking:DoorCodeRenewal", "00:00:00")]
    [InlineData("Booking:DoorCodeRenewal", "02:00:00")]
    [InlineData("Booking:DoorCodeValidity", "00:01:00")] // not longer than the renewal: the code on screen could be refused
    [InlineData("Booking:DoorCodeValidity", "2.00:00:00")]
    public async Task A_bad_door_code_setting_stops_start_up_naming_the_setting(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AssistantServer.StartAsync(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains($"'{key}'", error.Message);
    }
}
