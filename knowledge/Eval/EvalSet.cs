using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>The evaluation file: even positions form the development half, odd ones the held-out test half.</summary>
internal sealed record EvalSet(IReadOnlyList<InScopeQuestion> InScope, IReadOnlyList<OutOfScopeQuestion> OutOfScope)
{
    public static EvalSet Load(string path)
    {
        // routing: items are the bot's routing cases (questions vs commands), read by the bot's own evaluation.
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var file = deserializer.Deserialize<EvalFile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: empty evaluation file");
        var inScope = file.InScope.Select((q, i) => new InScopeQuestion(q.Q, q.Id, i % 2 == 0)).ToList();
        var outOfScope = file.OutOfScope.Select((q, i) => new OutOfScopeQuestion(TextOf(q), i % 2 == 0)).ToList();
        return new EvalSet(inScope, outOfScope);
    }

    public EvalSet Dev() => new(InScope.Where(q => q.IsDev).ToList(), OutOfScope.Where(q => q.IsDev).ToList());

    public EvalSet Test() => new(InScope.Where(q => !q.IsDev).ToList(), OutOfScope.Where(q => !q.IsDev).ToList());

    private sealed class EvalFile
    {
        public List<Item> InScope { get; set; } = [];

        // A plain string, or a mapping with q (and the writer's persona).
        public List<object> OutOfScope { get; set; } = [];
    }

    private static string TextOf(object item) => item switch
    {
        string text => text,
        IDictionary<object, object> map when map.TryGetValue("q", out var q) && q is string text => text,
        _ => throw new InvalidDataException("an out_of_scope item must be a string or {q: ...}"),
    };

    private sealed class Item
    {
        public string Q { get; set; } = "";

        public string Id { get; set; } = "";
    }
}
