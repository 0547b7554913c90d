using ChatAssistant.Knowledge.Safety;

namespace ChatAssistant.Tests.Safety;

/// <summary>The repository's crisis folder (lexicon, training set, model) and its evaluation set.</summary>
internal static class CrisisFiles
{
    public static string Directory => Find(Path.Combine("knowledge", "crisis"));

    public static string EvalSet => Path.Combine(Find(Path.Combine("knowledge", "eval")), "crisis.yaml");

    public static string Lexicon => Path.Combine(Directory, CrisisLexiconLoader.FileName);

    /// <summary>The classifier as the repository holds it (lexicon file, shipped model), loaded once for the tests.</summary>
    public static CrisisClassifier Classifier => Loaded.Value;

    private static readonly Lazy<CrisisClassifier> Loaded = new(() => CrisisClassifier.Load(Directory));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
