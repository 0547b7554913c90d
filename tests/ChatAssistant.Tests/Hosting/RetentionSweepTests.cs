using ChatAssistant.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatAssistant.Tests.Hosting;

public sealed class RetentionSweepTests
{
    private sealed class FailingOnceSweep(TimeProvider time) : RetentionSweep(time, NullLogger.Instance)
    {
        public int Runs;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override string What => "test records";

        protected override int Purge()
        {
            // A failure that is not the store's (a bug, a bad record): it must not end the service, let alone the host.
            if (Interlocked.Increment(ref Runs) == 1) throw new InvalidOperationException("first sweep fails");
            return 3;
        }
    }

    [Fact]
    public async Task A_failing_sweep_is_logged_and_the_next_interval_sweeps_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T00:00:00Z"));
        using var sweep = new FailingOnceSweep(time);
        await sweep.StartAsync(CancellationToken.None); // .NET 10 runs ExecuteAsync on the thread pool
        await RunsReach(sweep, 1);
        Assert.True(sweep.ExecuteTask is { IsFaulted: false });

        // The timer may not be waiting yet when the clock moves: move it until the second sweep has run.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref sweep.Runs) < 2 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(50);
        }
        Assert.True(Volatile.Read(ref sweep.Runs) >= 2);
        Assert.False(sweep.ExecuteTask!.IsCompleted);
        await sweep.StopAsync(CancellationToken.None);
    }

    private static async Task RunsReach(FailingOnceSweep sweep, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref sweep.Runs) < runs && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(Volatile.Read(ref sweep.Runs) >= runs);
    }
}
