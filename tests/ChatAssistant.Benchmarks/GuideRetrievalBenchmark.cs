using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Eval;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// Latency of <see cref="KnowledgeBase.Ask(string)"/> with the whole guide loaded: the mix of every
/// evaluation question (in and out of scope), and a few representative questions one by one.
/// </summary>
[Config(typeof(Columns))]
[MemoryDiagnoser]
public class GuideRetrievalBenchmark
{
    private KnowledgeBase _knowledge = null!;
    private string[] _mix = [];
    private int _next;

    public static IEnumerable<string> Samples() =>
    [
        "志愿汇怎么注册",
        "履职积分",
        "团代表考核不合格会咋样",
        "我的小时数少算了两个小时",
        "how to sign up volunteer 志愿汇",
        "你好",
        "明天杭州下雨吗",
        "在金华火车站需要帮忙找谁，我行李太多了拿不动，有没有志愿者可以帮一下忙",
    ];

    [GlobalSetup]
    public void Setup()
    {
        // BenchmarkDotNet runs this in a child process inside the output folder, which holds a copy of the
        // guide but not the evaluation file: take both from the repository above it.
        var knowledgeDir = BenchmarkFiles.KnowledgeDirectory();
        _knowledge = KnowledgeBase.Load(Path.Combine(knowledgeDir, "guide"));
        var eval = EvalSet.Load(Path.Combine(knowledgeDir, "eval", "questions.yaml"));
        _mix = eval.InScope.Select(q => q.Text).Concat(eval.OutOfScope.Select(q => q.Text)).ToArray();
    }

    // The evaluation set's questions in turn, one per operation.
    private string NextQuestion()
    {
        var question = _mix[_next];
        _next = (_next + 1) % _mix.Length;
        return question;
    }

    /// <summary>One question per operation, cycling through the whole evaluation set.</summary>
    [Benchmark]
    public GuideResult AskMix() => _knowledge.Ask(NextQuestion());

    /// <summary>Ask without the second reader (diagnostic).</summary>
    [Benchmark]
    public GuideResult AskNoReaderMix() => _knowledge.Ask(NextQuestion(), ChatAssistant.Knowledge.Retrieval.DecisionPolicy.Default, _knowledge.Rank, _ => null);

    /// <summary>The index's ranking alone, one question per operation.</summary>
    [Benchmark]
    public object RankMix() => _knowledge.Rank(NextQuestion());

    /// <summary>The second reader alone, one question per operation, cycling through the whole evaluation set.</summary>
    [Benchmark]
    public object? ReadMix() => _knowledge.Classify(NextQuestion());

    [Benchmark]
    [ArgumentsSource(nameof(Samples))]
    public GuideResult Ask(string question) => _knowledge.Ask(question);

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        }
    }
}
