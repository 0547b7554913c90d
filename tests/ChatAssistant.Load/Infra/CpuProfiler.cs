using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ChatAssistant.Load.Infra;

/// <summary>
/// A CPU profile of the server over EventPipe (the runtime's SampleProfiler, ~1 kHz stacks of every managed
/// thread) — what dotnet-trace does, which is not installable offline. Only samples in managed code count
/// (threads blocked in native waits are left out); methods are ranked by inclusive samples.
/// </summary>
public static class CpuProfiler
{
    public static async Task<string> RecordAsync(int processId, string file, Func<Task> workload)
    {
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)(ClrTraceEventParser.Keywords.Default | ClrTraceEventParser.Keywords.Jit)),
        };
        var client = new DiagnosticsClient(processId);
        using (var session = await client.StartEventPipeSessionAsync(providers, requestRundown: true, circularBufferMB: 256, CancellationToken.None))
        {
            var copy = Task.Run(async () =>
            {
                await using var output = File.Create(file);
                await session.EventStream.CopyToAsync(output);
            });
            await workload();
            await session.StopAsync(CancellationToken.None);
            await copy;
        }
        return Summarise(file);
    }

    // Leaf frames of threads that wait rather than run (the sampler reports them too).
    private static readonly string[] Idle = ["Wait", "RunWorkLoop", "PollGC", "Interop+Sys.Read", "TryDequeue", "SpinOnce", "WorkerThreadStart", "Monitor.Enter", "Sleep"];

    /// <summary>Ranks the methods of a recorded trace: inclusive over running samples, ours and our libraries' first.</summary>
    public static string Summarise(string file, int top = 45)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(file);
        using var log = new TraceLog(etlx);
        var inclusive = new Dictionary<string, int>();
        var exclusive = new Dictionary<string, int>();
        var total = 0;
        var external = 0;
        var jitted = new Dictionary<string, int>();
        // GC/AllocationTick: one event per ~100 KB allocated, naming the type that crossed the mark and the
        // stack that allocated it, so counts are proportional to bytes.
        var allocatedTypes = new Dictionary<string, int>();
        var allocatedBy = new Dictionary<string, int>();
        var ticks = 0;
        foreach (var e in log.Events)
        {
            if (e.EventName is "GC/AllocationTick")
            {
                ticks++;
                var type = e.PayloadByName("TypeName") as string ?? "?";
                allocatedTypes[type] = allocatedTypes.GetValueOrDefault(type) + 1;
                var at = FirstInteresting(e.CallStack());
                allocatedBy[at] = allocatedBy.GetValueOrDefault(at) + 1;
                continue;
            }
            // Methods compiled while the workload ran: in steady state this should be near zero.
            if (e.EventName is "Method/LoadVerbose" or "MethodLoadVerbose" && e.PayloadByName("MethodNamespace") is string ns)
            {
                var key = ns.Length > 90 ? ns[..90] : ns;
                jitted[key] = jitted.GetValueOrDefault(key) + 1;
                continue;
            }
            if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler") continue;
            // Type External: the thread is outside managed code (mostly native waits), not our CPU.
            // (payload "Type": 1 = external, 2 = managed)
            if (Array.IndexOf(e.PayloadNames, "Type") >= 0 && Convert.ToInt32(e.PayloadByName("Type"), System.Globalization.CultureInfo.InvariantCulture) != 2) { external++; continue; }
            var stack = e.CallStack();
            if (stack is null) continue;
            var leaf = stack.CodeAddress.FullMethodName ?? "";
            if (Idle.Any(w => leaf.Contains(w, StringComparison.Ordinal))) continue;
            total++;
            var seen = new HashSet<string>();
            var first = true;
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                var name = frame.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name)) name = "?!" + frame.CodeAddress.ModuleName;
                if (first) { exclusive[name] = exclusive.GetValueOrDefault(name) + 1; first = false; }
                if (seen.Add(name)) inclusive[name] = inclusive.GetValueOrDefault(name) + 1;
            }
        }
        var lines = new List<string> { $"CPU samples in managed code: {total} (samples outside managed code, left out: {external})", "", "inclusive % | method (async plumbing left out)" };
        lines.AddRange(inclusive.Where(kv => Ours(kv.Key)).OrderByDescending(kv => kv.Value).Take(top).Select(kv => $"{100.0 * kv.Value / Math.Max(1, total),6:F1} | {kv.Key}"));
        lines.Add("");
        lines.Add($"methods JIT-compiled during the trace: {jitted.Values.Sum()} (by type)");
        lines.AddRange(jitted.OrderByDescending(kv => kv.Value).Take(15).Select(kv => $"{kv.Value,7} | {kv.Key}"));
        lines.Add("");
        lines.Add($"allocation samples (~100 KB each): {ticks}; % by type");
        lines.AddRange(allocatedTypes.OrderByDescending(kv => kv.Value).Take(20).Select(kv => $"{100.0 * kv.Value / Math.Max(1, ticks),6:F1} | {kv.Key}"));
        lines.Add("% by the first frame outside the runtime and collections");
        lines.AddRange(allocatedBy.OrderByDescending(kv => kv.Value).Take(30).Select(kv => $"{100.0 * kv.Value / Math.Max(1, ticks),6:F1} | {kv.Key}"));
        lines.Add("");
        lines.Add("exclusive % | method");
        lines.AddRange(exclusive.OrderByDescending(kv => kv.Value).Take(25).Select(kv => $"{100.0 * kv.Value / Math.Max(1, total),6:F1} | {kv.Key}"));
        return string.Join('\n', lines);
    }

    // The allocating frame worth naming: skip the runtime's, the BCL's collections and strings, and async plumbing.
    private static string FirstInteresting(TraceCallStack? stack)
    {
        for (var frame = stack; frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name) || name.StartsWith("System.", StringComparison.Ordinal) || !Ours(name)) continue;
            return name.Length > 140 ? name[..140] : name;
        }
        return "?";
    }

    private static bool Ours(string method) =>
        !method.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal) && !method.StartsWith("System.Threading", StringComparison.Ordinal)
        && !method.Contains("MoveNext", StringComparison.Ordinal) && !method.Contains("ExecutionContextCallback", StringComparison.Ordinal);
}
