using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Knowledge.Safety;

/// <summary>Finds knowledge/crisis (lexicon, training set, model): in the repository first, then in the app's output.</summary>
public static class CrisisDirectory
{
    public const string RelativePath = "knowledge/crisis";
    public const string TrainingFile = "crisis-train.yaml";

    public static string Resolve() =>
        ContentDirectory.FindUpwards(Directory.GetCurrentDirectory(), RelativePath)
        ?? ContentDirectory.FindUpwards(AppContext.BaseDirectory, RelativePath)
        ?? throw new DirectoryNotFoundException($"No '{RelativePath}' folder above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; pass --dir.");
}
