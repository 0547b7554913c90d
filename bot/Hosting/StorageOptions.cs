
namespace ChatAssistant.Hosting;

/// <summary>Where records live.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>Folder of the LiteDB file and other data. Relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>How often the LiteDB log is folded into the data file.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The LiteDB file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "assistant.db");
}
