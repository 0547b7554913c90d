using System.Diagnostics;
using ChatAssistant.Conversation;
using ChatAssistant.Feedback;
using ChatAssistant.Storage;
using ChatAssistant.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace ChatAssistant.Tests.Storage;

/// <summary>
/// Issue 4 / RELIABILITY row 9 on the real bot: Redis stops mid-conversation → a short busy answer, nothing
/// unhandled, readiness fails; Redis comes back → the next message works without restarting the bot.
/// The server persists (append-only file), so the conversation itself survives the restart.
/// </summary>
public sealed class RedisOutageTests(PersistentRedisServer redis, ITestOutputHelper output) : IClassFixture<PersistentRedisServer>
{
    [SkippableFact]
    public async Task RedisStoppedMidConversation_UserGetsBusy_ThenTheConversationGoesOnAfterTheRestart()
    {
        await using var bot = BotHarness.Create(settings: Settings());
        // Under a loaded machine the first connect can still be under way: wait until Redis answers.
        await FirstNonBusyAsync(bot, "你好");
        var (topics, _, _) = await FirstNonBusyAsync(bot, "意见建议");
        Assert.Contains(FeedbackTexts.AskTopic, topics);

        redis.Stop();
        try
        {
            var clock = Stopwatch.StartNew();
            var replies = await bot.SayAsync("1");
            output.WriteLine("busy answer after {0:F0} ms", clock.Elapsed.TotalMilliseconds);
            Assert.Equal([ConversationTexts.Busy], replies);
            // The figure is printed above (≈1.6 s on an idle machine); the bound only catches a hang.
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            Assert.Equal(HealthStatus.Unhealthy, await RedisHealthAsync(bot));
        }
        finally
        {
            redis.Restart();
        }

        var (answer, busy, waited) = await FirstNonBusyAsync(bot, "1");
        output.WriteLine("{0} busy answers, {1:F0} ms until the first normal answer after the restart", busy, waited.TotalMilliseconds);
        Assert.Contains(FeedbackTexts.AskContent, answer);
        Assert.Equal(HealthStatus.Healthy, await RedisHealthAsync(bot));
        // The health-check service itself logs an unhealthy check as an error; nothing else may.
        Assert.DoesNotContain(bot.Logs.Lines, line =>
            (line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))
            && !line.Contains("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task RedisRestartUnderLoad_EveryTurnIsAnsweredAndServiceResumes()
    {
        await using var bot = BotHarness.Create(settings: Settings());
        var answered = 0;
        var busy = 0;
        var users = Enumerable.Range(0, 4).Select(i => $"load-{i}").ToArray();
        using var stop = new CancellationTokenSource();

        var load = users.Select(user => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var replies = await bot.SayAsync("菜单", user);
                Assert.NotEmpty(replies); // never silence
                if (replies.SequenceEqual([ConversationTexts.Busy])) Interlocked.Increment(ref busy);
                else Interlocked.Increment(ref answered);
            }
        })).ToArray();

        // Longer than the command timeout: a blip shorter than about 1.5 s is absorbed by the multiplexer's
        // backlog (commands wait for the reconnect) and users notice nothing.
        // The outage starts once turns are being answered (start-up, e.g. the guide index, is not part of it).
        var warm = Stopwatch.StartNew();
        while (Volatile.Read(ref answered) == 0 && warm.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
        Assert.True(answered > 0, "no turn was answered before the outage");
        await Task.Delay(300);
        redis.Stop();
        await Task.Delay(3000);
        redis.Restart();
        await Task.Delay(2500);
        await stop.CancelAsync();
        await Task.WhenAll(load); // an unhandled exception in any turn would surface here

        output.WriteLine("{0} turns answered normally, {1} answered busy", answered, busy);
        Assert.True(busy > 0, "the outage was not noticed");
        Assert.True(answered > 0);
        var (answer, _, _) = await FirstNonBusyAsync(bot, "菜单", users[0]);
        Assert.Contains(ConversationTexts.MenuHeading, answer);
    }

    private Dictionary<string, string?> Settings()
    {
        redis.Require();
        return new() { ["Redis:Configuration"] = redis.ConnectionString, ["Redis:KeyPrefix"] = RedisServer.UniquePrefix() };
    }

    private static async Task<HealthStatus> RedisHealthAsync(BotHarness bot) =>
        (await bot.Get<HealthCheckService>().CheckHealthAsync()).Entries[RedisHealthCheck.Name].Status;

    // The multiplexer reconnects in the background (about a second); until then the user is told to retry.
    private static async Task<(string Answer, int Busy, TimeSpan Waited)> FirstNonBusyAsync(BotHarness bot, string text, string user = "user1")
    {
        var clock = Stopwatch.StartNew();
        var busy = 0;
        while (true)
        {
            var replies = await bot.SayAsync(text, user);
            if (!replies.SequenceEqual([ConversationTexts.Busy])) return (string.Join('\n', replies), busy, clock.Elapsed);
            busy++;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the bot did not recover after Redis came back");
            await Task.Delay(100);
        }
    }
}
