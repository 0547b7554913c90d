using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace ChatAssistant.Load.Report;

/// <summary>What the server's garbage collector and thread pool did over one phase.</summary>
public readonly record struct GcUse(double AllocatedMb, int Gen0, int Gen1, int Gen2, double PauseMs, double WorkItems, int Contentions)
{
    /// <summary>Allocation per request, GC pauses per second, collections by generation, thread-pool work items per request, lock contentions.</summary>
    public string Summary(int requests, double seconds) => requests == 0 || seconds <= 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture,
            $"{AllocatedMb * 1024 / requests:F0} KB/req, GC pauses {PauseMs / seconds:F1} ms/s, GCs gen0/1/2 {Gen0}/{Gen1}/{Gen2}, " +
            $"thread-pool items {WorkItems / requests:F1}/req, lock contentions {Contentions}");
}

/// <summary>One timed reading from the server: a GC pause (milliseconds, generation), or a counter's value for its second.</summary>
public readonly record struct ServerMoment(DateTime At, string Name, double Value, int Generation);

/// <summary>
/// The server's System.Runtime event counters over EventPipe (what dotnet-counters shows, which is not
/// installable offline): allocation, collections per generation and time paused by the GC, summed over a phase.
/// Allocation is what a GC costs per request on 2 shared cores, which CPU time alone cannot separate.
/// </summary>
public sealed class GcMeter : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly object _gate = new();
    private double _allocated, _pause, _workItems;
    private int _contentions;
    private int _gen0, _gen1, _gen2;
    private readonly bool _events;
    private readonly List<ServerMoment> _moments = [];
    private DateTime? _suspended;
    private int? _generation;

    private GcMeter(EventPipeSession session, bool events)
    {
        _session = session;
        _events = events;
        _reading = Task.Run(Read);
    }

    /// <summary>
    /// Starts sampling the counters once a second; null when the server cannot be reached over EventPipe. With
    /// <paramref name="events"/> it also keeps each GC pause and the thread pool's queue with their times (the
    /// timeline's server columns); off by default, so runs without a timeline measure what they always did.
    /// </summary>
    public static GcMeter? Start(int processId, bool events = false)
    {
        try
        {
            List<EventPipeProvider> providers =
            [
                new("System.Runtime", EventLevel.Informational, (long)EventKeywords.None,
                    new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
            ];
            // GC keyword at Informational: start, suspension and restart of each collection (a few events per GC).
            if (events) providers.Add(new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, 0x1));
            return new GcMeter(new DiagnosticsClient(processId).StartEventPipeSession(providers, requestRundown: false), events);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or IOException)
        {
            return null;
        }
    }

    /// <summary>The totals since the previous call (or the start).</summary>
    public GcUse Take()
    {
        lock (_gate)
        {
            var use = new GcUse(_allocated / 1024 / 1024, _gen0, _gen1, _gen2, _pause, _workItems, _contentions);
            _allocated = _pause = _workItems = 0;
            _gen0 = _gen1 = _gen2 = _contentions = 0;
            return use;
        }
    }

    /// <summary>The GC pauses and thread-pool readings between two instants (UTC), when started with events.</summary>
    public IReadOnlyList<ServerMoment> Moments(DateTime from, DateTime to)
    {
        lock (_gate) return _moments.Where(m => m.At >= from && m.At < to).ToList();
    }

    private void Read()
    {
        using var source = new EventPipeEventSource(_session.EventStream);
        if (_events) ListenToGc(source);
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
                || outer.TryGetValue("Payload", out var inner) is false || inner is not IDictionary<string, object> counter) return;
            if (!counter.TryGetValue("Name", out var name)) return;
            // The timeline's counters: the pool's means over the second, the contentions counted in it.
            var timed = !_events ? null : name switch
            {
                "threadpool-queue-length" or "threadpool-thread-count" => counter.TryGetValue("Mean", out var mean) ? mean : null,
                "monitor-lock-contention-count" => counter.TryGetValue("Increment", out var count) ? count : null,
                _ => null,
            };
            if (timed is not null)
                lock (_gate) _moments.Add(new ServerMoment(e.TimeStamp.ToUniversalTime(), (string)name, Convert.ToDouble(timed, CultureInfo.InvariantCulture), -1));
            lock (_gate)
            {
                // Sum counters carry the change over the interval in "Increment".
                if (!counter.TryGetValue("Increment", out var raw)) return;
                var increment = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                switch (name as string)
                {
                    case "alloc-rate": _allocated += increment; break;
                    case "gen-0-gc-count": _gen0 += (int)increment; break;
                    case "gen-1-gc-count": _gen1 += (int)increment; break;
                    case "gen-2-gc-count": _gen2 += (int)increment; break;
                    case "total-pause-time-by-gc": _pause += increment; break;
                    case "threadpool-completed-items-count": _workItems += increment; break;
                    case "monitor-lock-contention-count": _contentions += (int)increment; break;
                }
            }
        };
        // The server going away ends the stream (or breaks it): either way the meter just stops counting.
        try { source.Process(); }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidOperationException) { }
    }

    // A pause runs from the suspension's start to the restart's end; the collection's generation comes between.
    // The session watches the one server process, and its events arrive in order.
    private void ListenToGc(EventPipeEventSource source)
    {
        source.Clr.GCSuspendEEStart += e => { lock (_gate) _suspended = e.TimeStamp.ToUniversalTime(); };
        source.Clr.GCStart += e => { lock (_gate) _generation = e.Depth; };
        source.Clr.GCRestartEEStop += e =>
        {
            lock (_gate)
            {
                if (_suspended is not { } suspended) return;
                // -1: a suspension without a collection (the runtime suspends for other work too).
                _moments.Add(new ServerMoment(suspended, "gc-pause", (e.TimeStamp.ToUniversalTime() - suspended).TotalMilliseconds, _generation ?? -1));
                _suspended = null;
                _generation = null;
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        try { await _session.StopAsync(CancellationToken.None); }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException) { }
        await _reading;
        _session.Dispose();
    }
}
