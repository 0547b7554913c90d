namespace ChatAssistant.Load.Report;

/// <summary>The server's RSS sampled once a second during a phase, with a least-squares slope for flatness.</summary>
public sealed record MemoryTrace(IReadOnlyList<(double Seconds, double Megabytes)> Samples)
{
    public double Start => Samples.Count > 0 ? Samples[0].Megabytes : 0;
    public double End => Samples.Count > 0 ? Samples[^1].Megabytes : 0;
    public double Max => Samples.Count > 0 ? Samples.Max(s => s.Megabytes) : 0;

    /// <summary>MB per minute fitted over all samples (0 with fewer than 3).</summary>
    public double SlopePerMinute
    {
        get
        {
            if (Samples.Count < 3) return 0;
            var mx = Samples.Average(s => s.Seconds);
            var my = Samples.Average(s => s.Megabytes);
            var num = Samples.Sum(s => (s.Seconds - mx) * (s.Megabytes - my));
            var den = Samples.Sum(s => (s.Seconds - mx) * (s.Seconds - mx));
            return den == 0 ? 0 : num / den * 60;
        }
    }
}

/// <summary>Samples a process's RSS every second until stopped.</summary>
public sealed class MemorySampler(Func<double?> read) : IAsyncDisposable
{
    private readonly List<(double, double)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            do
            {
                if (read() is { } mb) lock (_samples) _samples.Add((started.Elapsed.TotalSeconds, mb));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        });
    }

    public async Task<MemoryTrace> StopAsync()
    {
        await _stop.CancelAsync();
        try { if (_loop is not null) await _loop; } catch (OperationCanceledException) { }
        if (read() is { } last) lock (_samples) _samples.Add((_samples.Count > 0 ? _samples[^1].Item1 + 0.5 : 0, last));
        lock (_samples) return new MemoryTrace(_samples.ToList());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
