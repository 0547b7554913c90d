namespace ChatAssistant.Benchmarks;

/// <summary>
/// The repository's knowledge folder. BenchmarkDotNet runs a benchmark in a child process inside the output folder,
/// which holds a copy of the guide but not the evaluation files: they are taken from the repository above it.
/// </summary>
internal static class BenchmarkFiles
{
    public static string KnowledgeDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge");
            if (File.Exists(Path.Combine(candidate, "eval", "questions.yaml"))) return candidate;
        }
        throw new DirectoryNotFoundException("knowledge/eval/questions.yaml not found above " + AppContext.BaseDirectory);
    }
}
