using ChatAssistant.Tests.Support;

namespace ChatAssistant.Tests.StaffConsole;

/// <summary>The hand-off API gives its times in Beijing time (+08:00), like every other staff answer, whatever the server's zone.</summary>
public sealed class EscalationBeijingTimeTests : IAsyncLifetime
{
    private AssistantServer _server = null!;

    public async Task InitializeAsync() => (_server, _) = await ConsoleServer.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_queue_and_the_transcript_are_in_Beijing_time()
    {
        var user = new InProcessUser(_server, "wu1");
        await user.SayAsync("你好");
        await user.SayAsync("转人工");
        await user.SayAsync("有人在吗");
        using var staff = await StaffSession.SignInAsync(_server, "wucheng", ConsoleServer.Password);

        var list = await staff.GetJsonAsync("/api/staff/escalations");
        Assert.EndsWith("+08:00", list.GetProperty("now").GetString());
        var item = list.GetProperty("items")[0];
        Assert.EndsWith("+08:00", item.GetProperty("createdAt").GetString());
        Assert.EndsWith("+08:00", item.GetProperty("acknowledgeDue").GetString());

        var detail = await staff.GetJsonAsync($"/api/staff/escalations/{item.GetProperty("id").GetString()}");
        Assert.All(detail.GetProperty("transcript").EnumerateArray(), e => Assert.EndsWith("+08:00", e.GetProperty("at").GetString()));
    }
}
