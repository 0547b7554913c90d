using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// Cost of the crisis check every message passes (<see cref="CrisisClassifier.Assess"/>: normalise, mask everyday
/// phrases, the lexicon, the two-model ensemble) over a mix of every message of the crisis evaluation set, one per
/// operation, and a few typical ones.
/// </summary>
[Config(typeof(Columns))]
[MemoryDiagnoser]
public class CrisisCheckBenchmark
{
    private CrisisClassifier _check = null!;
    private string[] _mix = [];
    private int _next;

    public static IEnumerable<string> Samples() =>
    [
        "怎么查我的志愿时长",
        "1",
        "我真的不想活了",
        "有事打我电话",
        "最近压力好大，每天都睡不着，感觉没人理解我",
    ];

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = BenchmarkFiles.KnowledgeDirectory();
        _check = CrisisClassifier.Load(Path.Combine(knowledge, "crisis"));
        _mix = CrisisMessageSet.Load(Path.Combine(knowledge, "eval", "crisis.yaml")).Messages.Select(m => m.Text).ToArray();
    }

    [Benchmark]
    public CrisisAssessment AssessMix()
    {
        var text = _mix[_next];
        _next = (_next + 1) % _mix.Length;
        return _check.Assess(text);
    }

    [Benchmark]
    [ArgumentsSource(nameof(Samples))]
    public CrisisAssessment Assess(string text) => _check.Assess(text);

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
    }
}
