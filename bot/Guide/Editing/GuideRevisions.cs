using ChatAssistant.Knowledge.Content;
using ChatAssistant.Storage;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// The stored revisions of guide entries and what they add up to: the published changes every instance applies over
/// the content files when it (re)loads the guide, and a version that grows with every publish (what an instance
/// compares to notice one it missed). Reads go to the records every time, so every instance sees the same.
/// </summary>
public sealed class GuideRevisions(IRecordList<GuideRevision> records)
{
    public const string Collection = "guide_revisions";

    /// <summary>Every revision, oldest first.</summary>
    public IReadOnlyList<GuideRevision> All() => records.All();

    public GuideRevision? Get(int id) => records.Get(id);

    public GuideRevision Add(GuideRevision revision) => records.Add(revision);

    public bool Update(GuideRevision revision) => records.Update(revision);

    private volatile int _loaded = -1;

    /// <summary>
    /// The changes to serve, for a guide (re)loading: for each entry, the revision published last (retired ones as
    /// retired ids). Remembers the version they are at (<see cref="LoadedVersion"/>).
    /// </summary>
    public GuideChanges ChangesToServe()
    {
        var all = All();
        _loaded = Version(all);
        return Changes(all);
    }

    /// <summary>The version the guide last loaded here was at (-1: not loaded yet).</summary>
    public int LoadedVersion => _loaded;

    /// <summary>The changes <paramref name="revisions"/> add up to.</summary>
    public static GuideChanges Changes(IEnumerable<GuideRevision> revisions)
    {
        var current = Current(revisions);
        return new GuideChanges(
            current.Values.Where(r => !r.Retired).OrderBy(r => r.Id).Select(r => r.ToEntry()).ToList(),
            current.Values.Where(r => r.Retired).Select(r => r.EntryId).ToList());
    }

    /// <summary>For each entry with a published revision, the one published last.</summary>
    public static Dictionary<string, GuideRevision> Current(IEnumerable<GuideRevision> revisions) =>
        revisions.Where(r => r.Status == GuideRevisionStatus.Published)
            .GroupBy(r => r.EntryId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).Last(), StringComparer.OrdinalIgnoreCase);

    /// <summary>How many revisions were ever published: a publish anywhere makes it grow (revisions are never deleted).</summary>
    public int Version() => Version(All());

    private static int Version(IEnumerable<GuideRevision> all) => all.Count(r => r.Status == GuideRevisionStatus.Published);
}
