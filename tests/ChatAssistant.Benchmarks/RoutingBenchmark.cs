using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Routing;
using ChatAssistant.Hosting;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Eval;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// What a new message costs before its answer: <see cref="MessageRouter.Decide"/> for a bound delegate (the load
/// generator's users, whose messages are also read for a time) and an unbound user, over every evaluation question
/// and the generator's booking and hours messages; and the route followed by the guide's answer, as the turn does.
/// </summary>
[Config(typeof(Columns))]
[MemoryDiagnoser]
public class RoutingBenchmark
{
    private WebApplication _app = null!;
    private MessageRouter _router = null!;
    private KnowledgeBase _guide = null!;
    private string[] _mix = [];
    private int _next;

    [Params(UserRoles.None, UserRoles.Volunteer | UserRoles.Delegate)]
    public UserRoles Roles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Directory.CreateTempSubdirectory("routing-bench").FullName;
        _app = AppHost.Build([], b => b.Logging.SetMinimumLevel(LogLevel.Warning), new Dictionary<string, string?> { ["Storage:DataDirectory"] = data });
        _router = _app.Services.GetRequiredService<MessageRouter>();
        _guide = _app.Services.GetRequiredService<GuideLibrary>().Shared;
        var eval = EvalSet.Load(Path.Combine(BenchmarkFiles.KnowledgeDirectory(), "eval", "questions.yaml"));
        _mix = [.. eval.InScope.Select(q => q.Text), .. eval.OutOfScope.Select(q => q.Text), "预约值班", "下周三下午两点到四点去值班", "我的时长", "我的积分", "求助", "取消"];
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The route of one message, cycling through the mix.</summary>
    [Benchmark]
    public RouteKind DecideMix() => _router.Decide(Next(), Roles).Kind;

    /// <summary>The route and, when it is the guide's, the guide's answer (the turn's fallback searches the whole message).</summary>
    [Benchmark]
    public object RouteAndAnswerMix()
    {
        var text = Next();
        var route = _router.Decide(text, Roles);
        return route.Kind == RouteKind.Guide ? _guide.Ask(text) : route.Kind;
    }

    private string Next()
    {
        var text = _mix[_next];
        _next = (_next + 1) % _mix.Length;
        return text;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, new P99Column());
    }
}
