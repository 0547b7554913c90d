using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ChatAssistant.Conversation.Time;
using ChatAssistant.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// One booking phrase through <see cref="DateTimeReader"/> (Microsoft.Recognizers.Text), steady state. The first
/// call in a process builds Recognizers' models and regexes; it is timed once in the setup and printed
/// ("First call: … ms"), because BenchmarkDotNet's warm-up hides it.
/// </summary>
[Config(typeof(Columns))]
[MemoryDiagnoser]
public class DateRecognitionBenchmark
{
    private DateTimeReader _reader = null!;

    [Params("下周三下午两点到四点", "我想明天上午9点去值班")]
    public string Phrase { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _reader = new DateTimeReader(new AssistantClock(TimeProvider.System, Options.Create(new AssistantOptions())));
        var first = Stopwatch.StartNew();
        var window = _reader.ReadFirst(Phrase) ?? throw new InvalidOperationException($"No time read from {Phrase}");
        Console.WriteLine($"// First call: {first.Elapsed.TotalMilliseconds:F0} ms for '{Phrase}' → {window.Start:yyyy-MM-dd HH:mm}–{window.End:HH:mm}");
    }

    [Benchmark]
    public TimeWindow? Read() => _reader.ReadFirst(Phrase);

    // Diagnosis: Recognizers' static entry point (a new recognizer per call) against a model built once.
    [Benchmark]
    public int RecognizeStatic() => Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer.RecognizeDateTime(Phrase, Microsoft.Recognizers.Text.Culture.Chinese, Microsoft.Recognizers.Text.DateTime.DateTimeOptions.None, DateTime.Now).Count;

    private readonly Microsoft.Recognizers.Text.DateTime.DateTimeModel _model = (Microsoft.Recognizers.Text.DateTime.DateTimeModel)new Microsoft.Recognizers.Text.DateTime.DateTimeRecognizer(Microsoft.Recognizers.Text.Culture.Chinese).GetDateTimeModel();

    [Benchmark]
    public int RecognizeCachedModel() => _model.Parse(Phrase, DateTime.Now).Count;

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median, BenchmarkDotNet.Columns.StatisticColumn.P95, new P99Column());
    }
}
