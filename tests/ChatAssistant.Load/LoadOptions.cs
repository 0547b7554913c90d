using System.Globalization;

namespace ChatAssistant.Load;

/// <summary>
/// Command line of the load generator. Without --users or --rate it runs the suite: closed-loop saturation of the
/// full path and the baseline at each --levels, then open loop at 70 % of the full path's maximum for --duration.
/// </summary>
public sealed record LoadOptions
{
    public int? Users { get; init; }
    public double? Rate { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(15);
    public int[] Levels { get; init; } = [4, 16, 48];
    public int Pool { get; init; } = 200;
    public int Accounts { get; init; } = 1;
    public int? WarmupConnections { get; init; }
    public double OpenFraction { get; init; } = 0.7;
    public bool Safe { get; init; }
    public bool FullOnly { get; init; }
    public string? ServerDll { get; init; }
    public string? Output { get; init; }
    public string? Profile { get; init; }
    public string? ServerLog { get; init; }
    public string? Samples { get; init; }
    public string? Timeline { get; init; }
    public (string Kind, int Weight)[]? Mix { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];
    public bool Postgres { get; init; }
    public int Instances { get; init; } = 1;
    public TimeSpan? KillAfter { get; init; }

    public const string Usage = """
        dotnet run -c Release --project tests/ChatAssistant.Load -- [options]
          --users N          closed loop with N users (full path, then the baseline the same way)
          --rate R           open loop at R messages/s (full path, then the baseline)
          (neither)          suite: saturation at --levels (closed loop), then open loop at 70 % of the full path's max
          --duration S       seconds of the main run (default 60; 300 for the memory check)
          --step S           seconds per saturation level (default 20)
          --warmup S         seconds of warm-up before measuring (default 15)
          --levels 4,16,48   closed-loop user counts for saturation
          --warmup-connections N  connections the warm-up opens (baseline requests from N users at once; default
                             every simulated user, so an open loop does not start by opening connections)
          --pool N           simulated (bound) users (default 200)
          --accounts N       spread the users over N Official Accounts of one server (the default one and N-1 under
                             WeChat:Accounts, each with its own token, AppId and callback; default 1)
          --full-only        with --users or --rate: skip the baseline run (A/B comparisons of the full path)
          --safe             also measure safe mode (AES) closed loop at the best level
          --server PATH      the bot DLL (default bot/bin/Release/net10.0/ChatAssistant.Bot.dll above this folder)
          --out FILE         also write the Markdown result there
          --mix guide=1,...  weights of the kinds (guide, booking, hours, help, menu); default the realistic mix 50/15/15/10/10
          --samples FILE     append every request as CSV (phase, planned send second, kind, ms, outcome)
          --timeline FILE    append each phase second by second as CSV: latencies beside CPU, the server's GC pauses
                             and thread-pool queue, and the generator's own GC, queue and requests in flight
          --server-log FILE  write the server's console output there (to see why a turn failed)
          --server-env K=V   set an environment variable (or setting, e.g. Server__InlineScheduling=true) for the server only; repeatable
          --records postgres records in a private PostgreSQL cluster the generator starts (default: the LiteDB file)
          --instances N      N servers sharing the Redis (and with --records postgres the database), the requests spread
                             over them in turn as nginx's round robin does, a refused connection tried on the next
          --kill-after S     with --instances 2 or more and --users or --rate: kill the last server S seconds into the
                             main phase; its failed requests are sent again as WeChat retries them, and the outcome is
                             counted (failover, docs/DEPLOYMENT.md)
          --profile FILE     only profile: closed loop at the first level for --duration with an EventPipe CPU trace in FILE
        """;

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--users" => o with { Users = (int)Number() },
                "--rate" => o with { Rate = Number() },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Number()) },
                "--step" => o with { Step = TimeSpan.FromSeconds(Number()) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(Number()) },
                "--levels" => o with { Levels = Value().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() },
                "--pool" => o with { Pool = (int)Number() },
                "--accounts" => o with { Accounts = (int)Number() },
                "--warmup-connections" => o with { WarmupConnections = (int)Number() },
                "--safe" => o with { Safe = true },
                "--full-only" => o with { FullOnly = true },
                "--server" => o with { ServerDll = Value() },
                "--out" => o with { Output = Value() },
                "--profile" => o with { Profile = Value() },
                "--server-log" => o with { ServerLog = Value() },
                "--samples" => o with { Samples = Value() },
                "--timeline" => o with { Timeline = Value() },
                "--mix" => o with { Mix = ParseMix(Value()) },
                "--records" => o with { Postgres = Value() switch { "postgres" => true, "litedb" => false, var other => throw new ArgumentException($"--records: '{other}' is not litedb or postgres") } },
                "--instances" => o with { Instances = (int)Number() },
                "--kill-after" => o with { KillAfter = TimeSpan.FromSeconds(Number()) },
                "--server-env" => o with { ServerEnvironment = [.. o.ServerEnvironment, ParsePair(Value())] },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }
        if (o.Pool < 1 || o.Pool > 5000) throw new ArgumentException("--pool must be 1..5000");
        if (o.Accounts < 1 || o.Accounts > 50) throw new ArgumentException("--accounts must be 1..50");
        if (o.Instances < 1 || o.Instances > 8) throw new ArgumentException("--instances must be 1..8");
        if (o.Instances > 1 && !o.Postgres) throw new ArgumentException("--instances above 1 needs --records postgres (a LiteDB file has one owner)");
        if (o.KillAfter is not null && (o.Instances < 2 || (o.Users is null && o.Rate is null)))
            throw new ArgumentException("--kill-after needs --instances 2 or more and --users or --rate");
        if (o.Duration > TimeSpan.FromHours(1)) throw new ArgumentException("--duration is at most 3600 s");
        if (o.Users > o.Pool) o = o with { Pool = o.Users.Value };
        if (o.Levels.Length > 0 && o.Levels.Max() > o.Pool) o = o with { Pool = o.Levels.Max() };
        return o;
    }

    private static KeyValuePair<string, string> ParsePair(string text)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        if (at < 1) throw new ArgumentException($"--server-env: '{text}' is not NAME=value");
        return new(text[..at], text[(at + 1)..]);
    }

    private static (string Kind, int Weight)[] ParseMix(string text)
    {
        string[] kinds = ["guide", "booking", "hours", "help", "menu"];
        var mix = text.Split(',').Select(part =>
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !kinds.Contains(pair[0])) throw new ArgumentException($"--mix: '{part}' is not kind=weight with a kind of {string.Join(", ", kinds)}");
            return (pair[0], int.Parse(pair[1], CultureInfo.InvariantCulture));
        }).ToArray();
        if (mix.Sum(m => m.Item2) <= 0) throw new ArgumentException("--mix needs a positive weight");
        return mix;
    }
}
