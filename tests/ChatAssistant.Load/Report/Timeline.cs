using System.Diagnostics;
using System.Globalization;

namespace ChatAssistant.Load.Report;

/// <summary>
/// A phase second by second (<c>--timeline FILE</c>): the latencies of the requests planned in each second next to
/// what could have held them up in it — CPU of the server, Redis and this generator; the server's GC pauses and
/// thread-pool queue; this generator's own GC pauses, queued work items and requests in flight. A stretch of slow
/// requests can then be set beside its cause instead of guessed at.
/// </summary>
public sealed class Timeline : IAsyncDisposable
{
    private readonly CpuMeter _cpu;
    private readonly GcMeter? _server;
    private readonly Func<int> _inFlight;
    private readonly Func<long> _logBytes;
    private readonly DateTime _startedUtc = DateTime.UtcNow;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<Reading> _readings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private readonly record struct Reading(double At, (double Server, double Redis, double Generator) Cpu,
        int Gen0, int Gen1, int Gen2, double PauseMs, long Pending, int Threads, int InFlight, long LogBytes);

    private Timeline(CpuMeter cpu, GcMeter? server, Func<int> inFlight, Func<long> logBytes)
    {
        _cpu = cpu;
        _server = server;
        _inFlight = inFlight;
        _logBytes = logBytes;
        _loop = Task.Factory.StartNew(Sample, TaskCreationOptions.LongRunning);
    }

    /// <summary>
    /// Starts reading ten times a second (on a thread of its own, so a busy thread pool cannot delay it).
    /// <paramref name="logBytes"/> is the size of the server's LiteDB log file: when it shrinks, a checkpoint ran.
    /// </summary>
    public static Timeline Start(CpuMeter cpu, GcMeter? server, Func<int> inFlight, Func<long> logBytes) => new(cpu, server, inFlight, logBytes);

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            var reading = new Reading(Stopwatch.GetElapsedTime(_started).TotalSeconds, _cpu.Read(),
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds,
                ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount, _inFlight(), _logBytes());
            lock (_readings) _readings.Add(reading);
            _stop.Token.WaitHandle.WaitOne(100);
        }
    }

    public const string Header = "phase,second,requests,p99_ms,max_ms,over_50ms,server_cpu_pct,redis_cpu_pct,generator_cpu_pct," +
        "server_gc_pause_ms,server_longest_pause_ms,server_gcs_gen0/1/2,server_pool_queue,server_pool_threads," +
        "server_lock_contentions,generator_gc_pause_ms,generator_gcs_gen0/1/2,generator_pending_items_max,generator_threads_max,in_flight_max," +
        "litedb_log_kb_max,litedb_checkpoints";

    /// <summary>Stops reading and appends one CSV row per second of the phase (the header first in a new file).</summary>
    public async Task AppendAsync(string file, string phase, IReadOnlyList<Sample> samples)
    {
        await _stop.CancelAsync();
        await _loop;
        var end = _startedUtc + Stopwatch.GetElapsedTime(_started);
        var server = _server?.Moments(_startedUtc, end) ?? [];
        List<Reading> readings;
        lock (_readings) readings = [.. _readings];
        var bySecond = samples.GroupBy(s => (int)Math.Floor(s.At)).ToDictionary(g => g.Key, g => g.Select(s => s.Milliseconds).Order().ToArray());
        var seconds = (int)Math.Ceiling(Stopwatch.GetElapsedTime(_started).TotalSeconds);
        var rows = new List<string>();
        if (!File.Exists(file)) rows.Add(Header);
        for (var second = 0; second < seconds; second++)
        {
            var latencies = bySecond.GetValueOrDefault(second) ?? [];
            // The readings at the second's edges: CPU and GC counts are cumulative, so the row is their difference.
            var inSecond = readings.Where(r => r.At >= second && r.At < second + 1).ToList();
            var first = readings.LastOrDefault(r => r.At <= second, readings.FirstOrDefault());
            var last = readings.LastOrDefault(r => r.At < second + 1, first);
            var cpu = CpuMeter.Between(first.Cpu, last.Cpu);
            double Pct(double ms) => ms / Math.Max(last.At - first.At, 0.001) / 10; // CPU ms per second → % of one core
            var from = _startedUtc.AddSeconds(second);
            var moments = server.Where(m => m.At >= from && m.At < from.AddSeconds(1)).ToList();
            var pauses = moments.Where(m => m.Name == "gc-pause").ToList();
            string Counter(string name) => moments.Where(m => m.Name == name).Select(m => m.Value.ToString("F0", CultureInfo.InvariantCulture)).LastOrDefault() ?? "";
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"\"{phase}\",{second},{latencies.Length},{Recorder.Percentile(latencies, 0.99):F1},{(latencies.Length > 0 ? latencies[^1] : 0):F1},{latencies.Count(ms => ms > 50)}," +
                $"{Pct(cpu.ServerMs):F0},{Pct(cpu.RedisMs):F0},{Pct(cpu.GeneratorMs):F0}," +
                $"{pauses.Sum(p => p.Value):F1},{pauses.Select(p => p.Value).DefaultIfEmpty(0).Max():F1}," +
                $"{pauses.Count(p => p.Generation == 0)}/{pauses.Count(p => p.Generation == 1)}/{pauses.Count(p => p.Generation == 2)}," +
                $"{Counter("threadpool-queue-length")},{Counter("threadpool-thread-count")},{Counter("monitor-lock-contention-count")}," +
                $"{last.PauseMs - first.PauseMs:F1},{last.Gen0 - first.Gen0}/{last.Gen1 - first.Gen1}/{last.Gen2 - first.Gen2}," +
                $"{inSecond.Select(r => r.Pending).DefaultIfEmpty(0).Max()},{inSecond.Select(r => r.Threads).DefaultIfEmpty(0).Max()}," +
                $"{inSecond.Select(r => r.InFlight).DefaultIfEmpty(0).Max()}," +
                $"{inSecond.Select(r => r.LogBytes).DefaultIfEmpty(0).Max() / 1024},{Checkpoints(readings, second)}"));
        }
        await File.AppendAllLinesAsync(file, rows);
    }

    // Readings in the second whose log file is smaller than the reading before: the log was folded into the file.
    private static int Checkpoints(List<Reading> readings, int second)
    {
        var count = 0;
        for (var i = 1; i < readings.Count; i++)
            if (readings[i].At >= second && readings[i].At < second + 1 && readings[i].LogBytes < readings[i - 1].LogBytes) count++;
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
