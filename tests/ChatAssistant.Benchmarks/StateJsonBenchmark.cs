using BenchmarkDotNet.Attributes;
using ChatAssistant.Conversation;
using ChatAssistant.Conversation.Flows;
using ChatAssistant.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ChatAssistant.Benchmarks;

/// <summary>
/// A conversation's state (what Bot.Builder autosaves: the property bag with a booking flow's frame) written to
/// and read from the stored text, with short <c>$type</c> names (<see cref="StateTypeNames"/>, what the stores
/// use) and with Newtonsoft's default assembly-qualified names (before).
/// </summary>
[MemoryDiagnoser]
public class StateJsonBenchmark
{
    private JsonSerializer _serializer = null!;
    private Dictionary<string, object> _state = null!;
    private string _json = "";

    [Params(true, false)]
    public bool ShortNames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _serializer = StoreItemJson.CreateSerializer(ShortNames ? StateTypeNames.Instance : new DefaultSerializationBinder());
        _state = new Dictionary<string, object>
        {
            ["ConversationData"] = new ConversationData
            {
                Welcomed = true,
                Flows = [new FlowFrame { FlowId = "booking.book", Step = 1, Slots = new() { ["utterance"] = "下周三下午两点到四点去值班", ["mode"] = "window" } }],
            },
        };
        _json = StoreItemJson.Write(_state, _serializer);
        Console.WriteLine($"// {(ShortNames ? "short" : "full")} names: {_json.Length} characters");
    }

    [Benchmark]
    public string Write() => StoreItemJson.Write(_state, _serializer);

    [Benchmark]
    public object Read() => StoreItemJson.Read(_json, _serializer);
}
