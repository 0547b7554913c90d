using ChatAssistant.Adapters;
using ChatAssistant.Booking;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Booking;

public sealed class ReminderRestartTests
{
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => BookingTestData.At(month, day, hour, minute);

    private static Task<AssistantServer> StartAsync(string data, FakeTimeProvider time, RecordingMessenger messenger) =>
        AssistantServer.StartAsync(
            settings: new Dictionary<string, string?>(BookingTestData.NoDemo()) { ["Booking:ReminderPollInterval"] = "00:01:00" },
            services: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IUserMessenger>(messenger);
            },
            dataDirectory: data);

    // The reminder service ticks on the fake clock: move it a minute at a time until the messenger has seen enough.
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, DateTimeOffset target, Func<bool> done)
    {
        time.SetUtcNow(target);
        for (var i = 0; i < 200 && !done(); i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task A_reminder_reaches_the_messenger_exactly_once_across_a_restart()
    {
        using var data = new TempDirectory("ca-remind");
        var time = new FakeTimeProvider(BotHarness.DefaultNow);
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var messenger = new RecordingMessenger();
        int first, second;

        await using (var server = await StartAsync(data.Path, time, messenger))
        {
            var studio = BookingTestData.Studio(server.Get<IStudioStore>());
            var service = server.Get<BookingService>();
            first = service.Book(BookingTestData.Who("D001"), studio.Id, At(11, 28, 9)).Booking!.Id;   // due Fri 27th 20:00
            second = service.Book(BookingTestData.Who("D002"), studio.Id, At(12, 1, 14)).Booking!.Id;  // due Mon 30th 20:00
            await AdvanceUntilAsync(time, At(11, 27, 20), () => messenger.Sent.Count >= 1);
            Assert.Single(messenger.Sent);
        }

        // Restart over the same data: the first reminder is not sent again, the second is not lost.
        await using (var server = await StartAsync(data.Path, time, messenger))
        {
            await AdvanceUntilAsync(time, At(11, 30, 20), () => messenger.Sent.Count >= 2);
            await AdvanceUntilAsync(time, At(11, 30, 21), () => false);
            var reminders = server.Get<IReminderStore>();
            Assert.Equal(ReminderState.Sent, reminders.Find(first)!.State);
            Assert.Equal(ReminderState.Sent, reminders.Find(second)!.State);
        }

        Assert.Equal(["openid-D001", "openid-D002"], messenger.Sent.Select(m => m.UserId));
        var reminder = messenger.Sent.First();
        Assert.Equal(ReminderService.TemplateKey, reminder.TemplateKey);
        Assert.Equal("11月28日(周六) 09:00-11:00", reminder.TemplateFields!["time"]);
        Assert.Equal("测试工作室", reminder.TemplateFields["studio"]);
        Assert.StartsWith("【值班提醒】你预约了明天 11月28日(周六) 09:00-11:00 在测试工作室", reminder.Text);
    }
}
