using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Tests.Knowledge;

/// <summary>Locates the repository's guide and evaluation files, and makes scratch copies to break.</summary>
internal static class GuideFiles
{
    public static string RepositoryGuide =>
        ContentDirectory.FindUpwards(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("knowledge/guide not found");

    public static string EvalQuestions => EvalFile("questions.yaml");

    /// <summary>The independently written set (guide questions, out-of-scope questions and routing cases).</summary>
    public static string IndependentEval => EvalFile("guide-independent.yaml");

    private static string EvalFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "knowledge", "eval", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"knowledge/eval/{name} not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temp directory holding a copy of the real guide.</summary>
    public static TempDirectory CopyOfGuide()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(RepositoryGuide))
        {
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        }

        return temp;
    }
}

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "guide-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
