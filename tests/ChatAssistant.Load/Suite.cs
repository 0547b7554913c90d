using System.Globalization;
using ChatAssistant.Load.Infra;
using ChatAssistant.Load.Report;
using ChatAssistant.Load.Traffic;

namespace ChatAssistant.Load;

/// <summary>The phases of a run: warm-up, closed-loop and open-loop phases, each with the server's RSS sampled.</summary>
public sealed class Suite(LoadOptions options, BotServer server, CpuMeter cpu, GcMeter? gc, LoadRunner plain, Action<string> say, Func<long> recordsLogBytes)
{
    public async Task WarmUpAsync(CancellationToken ct)
    {
        if (options.Warmup <= TimeSpan.Zero) return;
        // JIT, Recognizers' first calls, connection pools: not part of any measurement. The baseline part runs
        // with every simulated user at once, so the HTTP pool holds a connection per user, as a sender that has been
        // calling for a while does: an open loop that starts on 8 connections opens ~200 under load in its first
        // seconds (p99 133 ms over 60 s at 1,500/s, every slow request in the first 2 s; 23 ms with the pool warm).
        // The users' sessions stay cold (their first turns are measured).
        // Three seconds of it open the connections (and warm the baseline's code); more would only leave replay keys to
        // expire in the open loop (see SaturateThenOpenAsync).
        var connections = Math.Min(options.WarmupConnections ?? options.Pool, options.Pool);
        await plain.ClosedAsync("/api/wechat", Math.Min(8, options.Pool), options.Warmup, ct);
        await plain.ClosedAsync(WeChatPaths.Baseline, connections, TimeSpan.FromSeconds(Math.Min(3, options.Warmup.TotalSeconds / 3)), ct);
        say($"Warmed up for {options.Warmup.TotalSeconds:F0} s ({connections} connections); RSS {server.RssMegabytes():F0} MB");
    }

    public async Task<PhaseResult> ClosedAsync(string name, string path, LoadRunner runner, int users, TimeSpan duration, CancellationToken ct)
    {
        await using var memory = new MemorySampler(server.RssMegabytes);
        memory.Start();
        var before = cpu.Read();
        gc?.Take();
        await using var timeline = StartTimeline(runner);
        var (recorder, seconds) = await runner.ClosedAsync(path, users, duration, ct);
        var used = CpuMeter.Between(before, cpu.Read());
        var result = recorder.Summarise(name, $"closed {users} users", seconds, await memory.StopAsync(), notSent: 0, used);
        await ReportAsync(result, recorder, seconds, timeline);
        return result;
    }

    public async Task<PhaseResult> OpenAsync(string name, string path, LoadRunner runner, double rate, TimeSpan duration, CancellationToken ct)
    {
        await using var memory = new MemorySampler(server.RssMegabytes);
        memory.Start();
        var before = cpu.Read();
        gc?.Take();
        await using var timeline = StartTimeline(runner);
        var (recorder, seconds, notSent) = await runner.OpenAsync(path, rate, duration, ct);
        var used = CpuMeter.Between(before, cpu.Read());
        var result = recorder.Summarise(name, string.Create(CultureInfo.InvariantCulture, $"open {rate:F0}/s"), seconds, await memory.StopAsync(), notSent, used);
        await ReportAsync(result, recorder, seconds, timeline);
        return result;
    }

    private Timeline? StartTimeline(LoadRunner runner) =>
        options.Timeline is null ? null : Timeline.Start(cpu, gc, () => runner.InFlight, recordsLogBytes);

    private async Task ReportAsync(PhaseResult result, Recorder recorder, double seconds, Timeline? timeline)
    {
        say(result.Row());
        SayGc(result, seconds);
        foreach (var example in recorder.Examples) say($"  unexpected: {example}");
        if (options.Samples is { } file) recorder.AppendCsv(file, $"{result.Name} ({result.Load})");
        if (timeline is not null && options.Timeline is { } timelineFile)
            await timeline.AppendAsync(timelineFile, $"{result.Name} ({result.Load})", recorder.Samples);
    }

    // Below the row, so the table keeps its columns: what the server's GC did in the phase.
    private void SayGc(PhaseResult result, double seconds)
    {
        if (gc is not null) say($"  GC ({result.Name}, {result.Load}): {gc.Take().Summary(result.Requests, seconds)}");
    }

    /// <summary>
    /// Closed loop on the full path at each level; open loop on the full path at 70 % of its maximum; then the
    /// baseline's closed loops. The baseline runs last because every request it answers leaves a replay key in
    /// Redis for the 5-minute timestamp window: run before the open loop (as until 2026-11-27 17:00), its ~1.5
    /// million keys, written at 25,000/s, pushed Redis's key table through extra doublings and all expired inside the
    /// open loop's 300 s, with Redis at 50–80 % of a core in the very seconds the slow requests came
    /// (docs/PERFORMANCE.md, step 32). A
    /// deployed server has no baseline endpoint; the full path's own keys still expire in the open loop, as a
    /// campaign's peak would before its steady stretch.
    /// </summary>
    public async Task<IReadOnlyList<PhaseResult>> SaturateThenOpenAsync(CancellationToken ct)
    {
        var results = new List<PhaseResult>();
        say(PhaseResult.Header);
        foreach (var level in options.Levels) results.Add(await ClosedAsync("full", "/api/wechat", plain, level, options.Step, ct));
        var max = results.Where(r => r.Name == "full").Max(r => r.Throughput);
        var rate = Math.Max(1, Math.Round(max * options.OpenFraction));
        say(string.Create(CultureInfo.InvariantCulture, $"Full path maximum {max:F1}/s; open loop at {options.OpenFraction:P0} = {rate:F0}/s for {options.Duration.TotalSeconds:F0} s"));
        results.Add(await OpenAsync($"full at {options.OpenFraction:P0} of max", "/api/wechat", plain, rate, options.Duration, ct));
        foreach (var level in options.Levels) results.Add(await ClosedAsync("baseline", WeChatPaths.Baseline, plain, level, options.Step, ct));
        return results;
    }

    /// <summary>The best closed-loop throughput of the full path over the baseline's.</summary>
    public string Ratio(IReadOnlyList<PhaseResult> results)
    {
        // Only closed loops say what a path can do; an open loop runs both at the same planned rate.
        results = results.Where(r => r.Load.StartsWith("closed", StringComparison.Ordinal)).ToList();
        var full = results.Where(r => r.Name == "full").Select(r => r.Throughput).DefaultIfEmpty(0).Max();
        var baseline = results.Where(r => r.Name == "baseline").Select(r => r.Throughput).DefaultIfEmpty(0).Max();
        return baseline == 0 ? "No closed-loop baseline measured (the ratio needs --users or the suite)."
            : string.Create(CultureInfo.InvariantCulture, $"Full path / baseline throughput: {full:F1} / {baseline:F1} req/s = {full / baseline:P1} (target ≥ 25 %)");
    }
}
