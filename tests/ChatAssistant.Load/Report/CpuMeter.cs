using System.Globalization;

namespace ChatAssistant.Load.Report;

/// <summary>CPU time (user + system) of the server, redis-server and this generator over one phase.</summary>
public readonly record struct CpuUse(double ServerMs, double RedisMs, double GeneratorMs)
{
    /// <summary>"server/redis/generator" CPU milliseconds per request.</summary>
    public string PerRequest(int requests) => requests == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{ServerMs / requests:F2}/{RedisMs / requests:F2}/{GeneratorMs / requests:F2}");
}

/// <summary>
/// Reads utime + stime of processes from /proc/&lt;pid&gt;/stat at the start and the end of a phase. On a shared
/// 2-core machine this tells where the CPU went (the server, Redis, or the generator), which latency cannot.
/// </summary>
public sealed class CpuMeter(int serverPid, int redisPid)
{
    private static readonly double TickMs = 1000.0 / 100; // USER_HZ is 100 on Linux

    public (double Server, double Redis, double Generator) Read() =>
        (Ticks(serverPid), Ticks(redisPid), Ticks(Environment.ProcessId));

    public static CpuUse Between((double Server, double Redis, double Generator) start, (double Server, double Redis, double Generator) end) =>
        new((end.Server - start.Server) * TickMs, (end.Redis - start.Redis) * TickMs, (end.Generator - start.Generator) * TickMs);

    private static double Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may contain spaces: count fields after its ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }
}
