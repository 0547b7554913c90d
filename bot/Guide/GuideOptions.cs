namespace ChatAssistant.Guide;

/// <summary>Where the guide's content files are.</summary>
public sealed class GuideOptions
{
    /// <summary>Folder of the guide's YAML files; empty means the repository's knowledge/guide (or its copy next to the app).</summary>
    public string ContentDirectory { get; set; } = "";

    /// <summary>Entry ids listed by the 志愿指南 menu (in order); empty lists the first entries.</summary>
    public List<string> MenuEntries { get; set; } = [];
}
