using System.Collections.Concurrent;

namespace ChatAssistant.Load.Report;

/// <summary>How one request ended.</summary>
public enum Outcome { Ok, SuccessBody, Busy, HttpError, Exception }

/// <summary>One measured request; <paramref name="At"/> is its planned send time in seconds from the phase's start.</summary>
public readonly record struct Sample(string Kind, double Milliseconds, Outcome Outcome, double At = 0);

/// <summary>Collects the samples of one phase (thread-safe) and summarises them.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public void Add(Sample sample) => _samples.Enqueue(sample);

    /// <summary>Seconds from the phase's start to a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public double At(long timestamp) => (timestamp - _started) / (double)System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Appends every sample as CSV (phase, planned send second, kind, milliseconds, outcome): to see when the slow ones came.</summary>
    public void AppendCsv(string file, string phase)
    {
        var lines = _samples.OrderBy(s => s.At).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"\"{phase}\",{s.At:F4},{s.Kind},{s.Milliseconds:F2},{s.Outcome}"));
        File.AppendAllLines(file, lines);
    }

    private readonly ConcurrentQueue<string> _examples = new();

    /// <summary>Keeps up to five examples of unexpected replies for the report.</summary>
    public void Example(string text)
    {
        if (_examples.Count < 5) _examples.Enqueue(text);
    }

    public IReadOnlyList<string> Examples => [.. _examples];

    public int Count => _samples.Count;

    public IReadOnlyList<Sample> Samples => [.. _samples];

    public PhaseResult Summarise(string name, string load, double seconds, MemoryTrace memory, int notSent, CpuUse cpu)
    {
        var all = _samples.ToArray();
        var latencies = all.Select(s => s.Milliseconds).Order().ToArray();
        var outcomes = all.GroupBy(s => s.Outcome).ToDictionary(g => g.Key, g => g.Count());
        var byKind = all.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g =>
        {
            var sorted = g.Select(x => x.Milliseconds).Order().ToArray();
            return (sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[^1]);
        });
        // Menu clicks and the second step of 求助 may legitimately answer "success" (nothing to say).
        var unexpectedSuccess = all.Count(s => s.Outcome == Outcome.SuccessBody && s.Kind is not "menu" and not "help");
        return new PhaseResult(name, load, seconds, all.Length, all.Length / seconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), latencies.LastOrDefault(),
            outcomes.GetValueOrDefault(Outcome.HttpError) + outcomes.GetValueOrDefault(Outcome.Exception),
            unexpectedSuccess, outcomes.GetValueOrDefault(Outcome.SuccessBody), outcomes.GetValueOrDefault(Outcome.Busy), notSent, byKind, memory, cpu);
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The figures of one phase.</summary>
public sealed record PhaseResult(
    string Name, string Load, double Seconds, int Requests, double Throughput,
    double P50, double P95, double P99, double Max,
    int HttpErrors, int UnexpectedSuccess, int SuccessBodies, int Busy, int NotSent,
    IReadOnlyDictionary<string, (int Count, double P50, double P95, double Max)> ByKind, MemoryTrace Memory, CpuUse Cpu)
{
    public int Errors => HttpErrors + UnexpectedSuccess + Busy + NotSent;

    public static string Header =>
        "| phase | load | s | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors (http/success/busy/not sent) | RSS start→end (max) MB | RSS slope MB/min | CPU ms/req server/redis/generator |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    public string Row() =>
        $"| {Name} | {Load} | {Seconds:F0} | {Requests} | {Throughput:F1} | {P50:F1} | {P95:F1} | {P99:F1} | {Max:F1} | " +
        $"{Errors} ({HttpErrors}/{UnexpectedSuccess}/{Busy}/{NotSent}) | {Memory.Start:F0}→{Memory.End:F0} ({Memory.Max:F0}) | {Memory.SlopePerMinute:F2} | {Cpu.PerRequest(Requests)} |";

    public string Mix() => string.Join(", ", ByKind.OrderByDescending(k => k.Value.Count).Select(k => $"{k.Key} {k.Value.Count} (p50/p95/max {k.Value.P50:F1}/{k.Value.P95:F1}/{k.Value.Max:F0} ms)"));
}
