using System.Globalization;
using System.Text;
using ChatAssistant.Adapters.WeChat.Fake;
using ChatAssistant.Load;
using ChatAssistant.Load.Infra;
using ChatAssistant.Load.Report;
using ChatAssistant.Load.Traffic;
using ChatAssistant.Testing;

// Load generator for the real WeChat webhook path; see docs/PERFORMANCE.md. Everything runs on 127.0.0.1.
if (args is ["--analyse", var recorded])
{
    Console.WriteLine(CpuProfiler.Summarise(recorded));
    return 0;
}
LoadOptions options;
try { options = LoadOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}
if (GeneratorGc.NeedsRestart) return await GeneratorGc.RunAgainAsync(args);

using var cts = new CancellationTokenSource(TimeSpan.FromHours(2));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
var ct = cts.Token;
var dll = Path.GetFullPath(options.ServerDll ?? Path.Combine(RepositoryRoot(), "bot", "bin", "Release", "net10.0", "ChatAssistant.Bot.dll"));
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"{dll} not found: run 'dotnet build -c Release bot' first.");
    return 2;
}

const string Token = "loadtoken2026";
const string AppId = "wx0123456789load";
const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
using var redis = await RedisServer.StartAsync(ct);
using var postgres = options.Postgres
    ? PostgresCluster.TryStart("load-pg-") ?? throw new InvalidOperationException("--records postgres: PostgreSQL is not installed (apt-get install postgresql)")
    : null;
await using var api = await FakeWeChatApi.StartAsync(cancellationToken: ct);
var data = Directory.CreateTempSubdirectory("load-data-");
var settings = new Dictionary<string, string>
{
    ["WeChat:Token"] = Token, ["WeChat:AppId"] = AppId, ["WeChat:AppSecret"] = "load-secret",
    ["WeChat:EncodingAESKey"] = AesKey, ["WeChat:ApiBaseUrl"] = api.BaseAddress.ToString(),
    // The suites send plain and safe-mode messages to one account: what WeChat's compatible mode sends.
    ["WeChat:Mode"] = "compatible",
    ["WeChat:BaselineEndpoint"] = "true",
    // Simulated users send far faster than a person: the per-user flood guard would answer most of them "too fast".
    ["WeChat:UserMessagesPerMinute"] = "0",
    ["Redis:Configuration"] = redis.Configuration,
    ["Storage:DataDirectory"] = data.FullName,
    // Help requests are stored encrypted; a throw-away key per run.
    ["Disputes:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    // Binding codes are keyed; required with a WeChat account.
    ["Identity:CodeSecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
};
foreach (var (name, value) in LoadAccounts.Settings(options.Accounts, AesKey)) settings[name] = value;
if (postgres is not null)
{
    settings["Records:Provider"] = "postgres";
    settings["Records:ConnectionString"] = postgres.ConnectionString("postgres", maxPoolSize: 100);
}
foreach (var (name, value) in options.ServerEnvironment) settings[name] = value;
var log = new StringBuilder();
void Say(string line) { Console.WriteLine(line); log.AppendLine(line); }

try
{
    Say($"Load run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}, server {dll}");
    if (options.Accounts > 1) Say($"Users spread over {options.Accounts} Official Accounts (the default one and WeChat:Accounts:load1…load{options.Accounts - 1})");
    if (options.ServerEnvironment.Count > 0) Say("Server environment: " + string.Join(", ", options.ServerEnvironment.Select(p => $"{p.Key}={p.Value}")));
    var token = await Seeder.CreateAdminTokenAsync(dll, settings, ct);
    await Seeder.ImportRostersAsync(dll, settings, options.Pool, ct);
    // Each instance its own data folder (a LiteDB file has one owner); with PostgreSQL the records are the database's.
    var servers = new List<BotServer>();
    for (var i = 0; i < options.Instances; i++)
    {
        var own = i == 0 ? settings : new Dictionary<string, string>(settings) { ["Storage:DataDirectory"] = data.CreateSubdirectory("instance" + i).FullName };
        servers.Add(await BotServer.StartAsync(dll, own, ct, options.ServerLog is { } serverLog && i > 0 ? serverLog + "." + i : options.ServerLog));
    }
    await using var stopServers = new AsyncDisposables(servers);
    var server = servers[0];
    var balancer = options.Instances > 1 ? new RoundRobinHandler(servers.Select(s => s.Address).ToList()) : null;
    using var http = new HttpClient(balancer ?? (HttpMessageHandler)new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30),
    };
    Say($"Records: {(postgres is null ? "LiteDB file" : $"PostgreSQL (private cluster, port {postgres.Port})")}; {options.Instances} instance(s)"
        + (balancer is null ? "" : ", requests spread over them in turn (round robin, a refused connection tried on the next)"));
    var questions = GuideQuestions.Load(Path.Combine(RepositoryRoot(), "knowledge", "eval", "questions.yaml"));
    var users = Enumerable.Range(1, options.Pool).Select(i => new SimUser($"oLoad{i:D5}", i, questions, options.Mix, account: i % options.Accounts)).ToList();
    var plain = new LoadRunner(http, new WeChatSigner(Token, AppId, AesKey, safeMode: false), users, api.TextsTo, LoadAccounts.Signers(options.Accounts, AesKey, safeMode: false))
    {
        RetryFailedAfter = options.KillAfter is null ? null : TimeSpan.FromSeconds(1),
    };
    await Seeder.SeedAsync(server.Address, token, plain, users, ct);
    Say($"Seeded {users.Count} users (bound as delegates and volunteers), server pid {server.ProcessId}, RSS {server.RssMegabytes():F0} MB");

    await using var gc = GcMeter.Start(server.ProcessId, events: options.Timeline is not null);
    if (gc is null) Say("GC counters unavailable (EventPipe to the server refused); phases are measured without them");
    // LiteDB's log file next to the records file ("assistant.db"): the timeline notes when a checkpoint empties it.
    var recordsLog = new FileInfo(Path.Combine(data.FullName, "assistant-log.db"));
    var suite = new Suite(options, server, new CpuMeter(server.ProcessId, redis.ProcessId), gc, plain, Say,
        () => { recordsLog.Refresh(); return recordsLog.Exists ? recordsLog.Length : 0; });
    await suite.WarmUpAsync(ct);
    var results = new List<PhaseResult>();
    // A failover run kills the last instance this long into its main phase.
    Dictionary<string, int> sentAtKill = [];
    var killed = options.KillAfter is { } killAfter
        ? Failover.KillLater(servers[^1], killAfter, Say, () => sentAtKill = users.ToDictionary(u => u.OpenId, u => api.TextsTo(u.OpenId).Count), ct)
        : null;
    if (options.Profile is { } traceFile)
    {
        var profiled = options.Users ?? options.Levels[0];
        Say(await CpuProfiler.RecordAsync(server.ProcessId, traceFile,
            async () => results.Add(await suite.ClosedAsync("full (profiled)", "/api/wechat", plain, profiled, options.Duration, ct))));
    }
    else if (options.Users is { } n)
    {
        results.Add(await suite.ClosedAsync("full", "/api/wechat", plain, n, options.Duration, ct));
        if (!options.FullOnly) results.Add(await suite.ClosedAsync("baseline", WeChatPaths.Baseline, plain, n, options.Duration, ct));
    }
    else if (options.Rate is { } rate)
    {
        results.Add(await suite.OpenAsync("full", "/api/wechat", plain, rate, options.Duration, ct));
        if (!options.FullOnly) results.Add(await suite.OpenAsync("baseline", WeChatPaths.Baseline, plain, rate, options.Duration, ct));
    }
    else results.AddRange(await suite.SaturateThenOpenAsync(ct));
    LoadRunner? safe = null;
    if (options.Safe)
    {
        safe = new LoadRunner(http, new WeChatSigner(Token, AppId, AesKey, safeMode: true), users, api.TextsTo, LoadAccounts.Signers(options.Accounts, AesKey, safeMode: true));
        var level = options.Users ?? options.Levels.Max();
        results.Add(await suite.ClosedAsync("full, safe mode", "/api/wechat", safe, level, options.Step, ct));
        results.Add(await suite.ClosedAsync("baseline, safe mode", WeChatPaths.Baseline, safe, level, options.Step, ct));
    }

    Say("");
    Say(PhaseResult.Header);
    foreach (var r in results) Say(r.Row());
    Say("");
    foreach (var r in results) Say($"- {r.Name} ({r.Load}): {r.Mix()}; \"success\" bodies {r.SuccessBodies}");
    Say(suite.Ratio(results));
    var failoverHeld = true;
    if (killed is not null)
    {
        await killed;
        failoverHeld = await Failover.ReportAsync(plain, balancer!, results, postgres!.ConnectionString("postgres", maxPoolSize: 2),
            user => api.TextsTo(user).Count - sentAtKill.GetValueOrDefault(user), Say, ct);
    }
    // The server's message count is per instance: compared only when there is one.
    var metricsCheck = options.Instances == 1
        ? await MetricsCheck.CompareAsync(http, plain.CallbacksAnswered + (safe?.CallbacksAnswered ?? 0), plain.CallbacksBusy + (safe?.CallbacksBusy ?? 0), ct)
        : null;
    if (metricsCheck is not null) Say(metricsCheck.Line);
    Say($"Finished, load average {LoadAverage()}");
    if (options.Output is not null) await File.WriteAllTextAsync(options.Output, log.ToString(), ct);
    // A failover run's errors are the requests in flight on the killed instance: judged by Failover, not as errors.
    return (killed is not null ? failoverHeld : results.Sum(r => r.Errors) == 0) && (metricsCheck?.Agrees ?? true) ? 0 : 1;
}
finally
{
    try { data.Delete(recursive: true); } catch (IOException) { }
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ChatAssistant.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

/// <summary>Disposes the servers (stops them) when the run ends.</summary>
internal sealed class AsyncDisposables(IEnumerable<IAsyncDisposable> items) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var item in items) await item.DisposeAsync();
    }
}

/// <summary>Paths of the server.</summary>
internal static class WeChatPaths
{
    public const string Baseline = "/api/wechat/baseline";
}
