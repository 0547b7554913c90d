namespace ChatAssistant.Knowledge.Content;

/// <summary>Finds the default guide directory: the repository's knowledge/guide, else the copy in the app's output.</summary>
public static class ContentDirectory
{
    /// <summary>Relative path of the guide, both in the repository and in a referencing project's output.</summary>
    public const string RelativePath = "knowledge/guide";

    /// <summary>
    /// The first knowledge/guide found walking up from the current directory (so staff edits in a checkout are
    /// live), then from the application's base directory (the copy the build puts in the output).
    /// </summary>
    public static string Resolve()
    {
        return FindUpwards(Directory.GetCurrentDirectory())
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"No '{RelativePath}' folder above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; pass --dir.");
    }

    internal static string? FindUpwards(string start, string relativePath = RelativePath)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
