using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAssistant.Knowledge.Eval;

/// <summary>An in-scope evaluation question and the entry it should get.</summary>
internal sealed record InScopeQuestion(string Text, string ExpectedId, bool IsDev);

/// <summary>An out-of-scope question (must not be answered as if the guide covered it).</summary>
internal sealed record OutOfScopeQuestion(string Text, bool IsDev);

/// <summary>The evaluation file: even positions form the development half, odd ones the held-out test half.</summary>
internal sealed record EvalSet(IReadOnlyList<InScopeQuestion> InScope, IReadOnlyList<OutOfScopeQuestion> OutOfScope)
{
    public static EvalSet Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<EvalFile>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path}: empty evaluation file");
        var inScope = file.InScope.Select((q, i) => new InScopeQuestion(q.Q, q.Id, i % 2 == 0)).ToList();
        var outOfScope = file.OutOfScope.Select((q, i) => new OutOfScopeQuestion(q, i % 2 == 0)).ToList();
        return new EvalSet(inScope, outOfScope);
    }

    public EvalSet Dev() => new(InScope.Where(q => q.IsDev).ToList(), OutOfScope.Where(q => q.IsDev).ToList());

    public EvalSet Test() => new(InScope.Where(q => !q.IsDev).ToList(), OutOfScope.Where(q => !q.IsDev).ToList());

    private sealed class EvalFile
    {
        public List<Item> InScope { get; set; } = [];

        public List<string> OutOfScope { get; set; } = [];
    }

    private sealed class Item
    {
        public string Q { get; set; } = "";

        public string Id { get; set; } = "";
    }
}
