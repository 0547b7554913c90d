using Microsoft.ML;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// The supervised part of the crisis check: two character n-gram models (ML.NET, trained by <see cref="CrisisTrainer"/>
/// on knowledge/crisis/crisis-train*.yaml, never on user text), one over 1–3-grams and one over 3-grams only, whose
/// class probabilities — <c>none</c> or a <see cref="CrisisCategory"/> — are averaged. The single-character model alone
/// catches more but reads a lone 想 as danger (「想提意见」 0.99); the 3-gram model alone misses more; the average kept
/// both the recall and short everyday requests calm (docs/SAFETY.md). Both read the lexicon's masked compact text.
/// </summary>
public sealed class CrisisModel
{
    /// <summary>The files of the members, in the crisis folder and embedded in the assembly.</summary>
    public static readonly string[] FileNames = ["crisis-model.zip", "crisis-model-trigrams.zip"];

    public const string NoneLabel = "none";

    /// <summary>The classes, in the order the ensemble reports them.</summary>
    public static readonly string[] Labels = [NoneLabel, "suicide", "abuse", "violence", "danger"];

    private readonly IReadOnlyList<CrisisModelMember> _members;

    internal CrisisModel(IReadOnlyList<CrisisModelMember> members) => _members = members;

    /// <summary>Loads the members from a crisis folder; null when any file is missing.</summary>
    public static CrisisModel? Load(string directory)
    {
        var paths = FileNames.Select(f => Path.Combine(directory, f)).ToList();
        if (!paths.All(File.Exists)) return null;
        return new CrisisModel(paths.Select(p =>
        {
            using var stream = File.OpenRead(p);
            return LoadMember(stream);
        }).ToList());
    }

    /// <summary>
    /// The model shipped inside the assembly, loaded once per process and shared (it is read-only, and loading
    /// costs a few hundred milliseconds: every host of a test run would pay it again).
    /// </summary>
    public static CrisisModel Embedded => EmbeddedModel.Value;

    private static readonly Lazy<CrisisModel> EmbeddedModel = new(() => new CrisisModel(FileNames.Select(f =>
    {
        using var stream = typeof(CrisisModel).Assembly.GetManifestResourceStream("ChatAssistant.Knowledge." + f)
            ?? throw new InvalidOperationException($"The crisis model {f} is not embedded in the assembly.");
        return LoadMember(stream);
    }).ToList()));

    /// <summary>The probability that <paramref name="masked"/> is a crisis, and the most likely category.</summary>
    public (float Crisis, CrisisCategory Category) Score(string masked)
    {
        var sums = new float[Labels.Length];
        foreach (var member in _members) member.AddScores(masked, sums);
        var best = 1;
        for (var i = 2; i < sums.Length; i++)
            if (sums[i] > sums[best]) best = i;
        return (1f - sums[0] / _members.Count, Enum.Parse<CrisisCategory>(Labels[best], ignoreCase: true));
    }

    /// <summary>The members (tests compare their arithmetic with the engine).</summary>
    internal IReadOnlyList<CrisisModelMember> Members => _members;

    internal void Save(string directory, DataViewSchema schema)
    {
        for (var i = 0; i < _members.Count; i++)
        {
            using var stream = File.Create(Path.Combine(directory, FileNames[i]));
            _members[i].Save(stream, schema);
        }
    }

    private static CrisisModelMember LoadMember(Stream stream)
    {
        var ml = new MLContext(seed: CrisisTrainer.Seed);
        return new CrisisModelMember(ml, ml.Model.Load(stream, out _), Labels);
    }
}
