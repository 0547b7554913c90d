namespace ChatAssistant.Guide;

/// <summary>Where the guide's content files are.</summary>
public sealed class GuideOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Guide";

    /// <summary>Folder of the guide's YAML files; empty means the repository's knowledge/guide (or its copy next to the app).</summary>
    public string ContentDirectory { get; set; } = "";

    /// <summary>
    /// How often an instance checks the records for a guide change published on another instance whose signal it
    /// missed (it reloads at once on the signal itself).
    /// </summary>
    public TimeSpan PublishedCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Entry ids listed by the 志愿指南 menu (in order); empty lists <see cref="DefaultMenuEntries"/>.</summary>
    public List<string> MenuEntries { get; set; } = [];

    /// <summary>
    /// What the 志愿指南 menu promises ("注册、时长、兑换等常见问题"): registering, joining, hours, points and
    /// redeeming, delegates' duty, help. Kept here rather than as the list's initial value, which configuration would
    /// append to instead of replacing.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultMenuEntries =
        ["vol-register", "vol-join-activity", "hours-how-recorded", "hours-missing", "love-passbook", "yibi-exchange", "delegate-duty-rule", "qinqing-what"];
}
