using ChatAssistant.Knowledge.Content;
using ChatAssistant.Knowledge.Retrieval;

namespace ChatAssistant.Knowledge;

/// <summary>
/// The volunteer guide: answers a message with an entry, a choice of close entries, "not sure", or a
/// small-talk reply. <see cref="Ask(string)"/> is thread-safe; <see cref="Reload"/> swaps in a newly built
/// index atomically and keeps the old one when the content has errors.
/// </summary>
public sealed class KnowledgeBase
{
    /// <summary>The analysis chosen by measurement (docs/KNOWLEDGE.md).</summary>
    public const AnalysisProfile DefaultProfile = AnalysisProfile.CjkUniBigram;

    private readonly string _directory;
    private readonly string? _overlay;
    private readonly AnalysisProfile _profile;
    private readonly DecisionPolicy _policy;
    private readonly Func<GuideChanges> _changes;
    private readonly object _reloadLock = new();
    private volatile Snapshot _current;

    private KnowledgeBase(string directory, string? overlay, AnalysisProfile profile, DecisionPolicy policy, Func<GuideChanges> changes)
    {
        _directory = directory;
        _overlay = overlay;
        _profile = profile;
        _policy = policy;
        _changes = changes;
        _current = Snapshot.Build(directory, overlay, profile, changes());
    }

    /// <summary>The content directory this instance loads from.</summary>
    public string Directory => _directory;

    /// <summary>Every entry of the serving index.</summary>
    public IReadOnlyList<GuideEntry> Entries => _current.Content.Entries;

    /// <summary>Loads and indexes <paramref name="directory"/>; throws <see cref="GuideContentException"/> on invalid content.</summary>
    public static KnowledgeBase Load(string directory) => Load(directory, DefaultProfile, DecisionPolicy.Default);

    /// <summary>Loads with a chosen analysis and thresholds (evaluation, benchmarks).</summary>
    public static KnowledgeBase Load(string directory, AnalysisProfile profile, DecisionPolicy policy) =>
        new(directory, null, profile, policy, static () => GuideChanges.None);

    /// <summary>
    /// Loads <paramref name="directory"/> with an account's <paramref name="overlay"/> directory over it (entries
    /// replaced or added by id, base entries hidden by <c>hide.yaml</c>); throws on invalid content in either.
    /// </summary>
    public static KnowledgeBase Load(string directory, string? overlay) => Load(directory, overlay, static () => GuideChanges.None);

    /// <summary>
    /// Loads <paramref name="directory"/> with the console's published <paramref name="changes"/> (read again on every
    /// <see cref="Reload"/>) and an account's <paramref name="overlay"/> over both; throws on invalid content.
    /// </summary>
    public static KnowledgeBase Load(string directory, string? overlay, Func<GuideChanges> changes) =>
        new(directory, overlay, DefaultProfile, DecisionPolicy.Default, changes);

    /// <summary>
    /// The errors the serving content would have with <paramref name="changes"/> in place of the published ones (empty:
    /// none), without building an index: what a publish checks first.
    /// </summary>
    public IReadOnlyList<GuideContentError> Check(GuideChanges changes)
    {
        try
        {
            GuideLoader.Load(_current.Files, _overlay, changes);
            return [];
        }
        catch (GuideContentException e)
        {
            return e.Errors;
        }
    }

    /// <summary>
    /// The entries of the content directory alone, before console changes and overlay, as last loaded (what an export
    /// and a new entry's file start from; read once per load, not per call).
    /// </summary>
    public IReadOnlyList<GuideEntry> FileEntries() => _current.Files.Entries;

    /// <summary>
    /// The <paramref name="count"/> entries closest to <paramref name="text"/> by the index, best first (what staff see
    /// beside a question the assistant could not answer); empty when it shares no content word with any.
    /// </summary>
    public IReadOnlyList<GuideEntry> Closest(string text, int count) =>
        string.IsNullOrWhiteSpace(text) ? [] : _current.Index.Search(text).Candidates.Take(count).Select(c => c.Entry).ToList();

    /// <summary>The account overlay directory loaded over <see cref="Directory"/>, if any.</summary>
    public string? Overlay => _overlay;

    /// <summary>The entry with this id in the serving index, if any (e.g. for a clarification answered by number).</summary>
    public GuideEntry? Find(string id) => _current.ById.GetValueOrDefault(id);

    /// <summary>Answers one user message.</summary>
    public GuideResult Ask(string text)
    {
        var snapshot = _current;
        return Ask(text, _policy, snapshot.Index.Search, snapshot.Classifier.Read, snapshot);
    }

    /// <summary>
    /// Answers with given thresholds, ranking and second reader (evaluation sweeps thresholds over cached rankings and
    /// readings).
    /// </summary>
    internal GuideResult Ask(string text, DecisionPolicy policy, Func<string, RankedMatches> rank, Func<string, GuideReading?> read) =>
        Ask(text, policy, rank, read, _current);

    /// <summary>Re-reads the content directory; on errors the old index keeps serving and the errors are returned.</summary>
    public ReloadResult Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var snapshot = Snapshot.Build(_directory, _overlay, _profile, _changes());
                _current = snapshot;
                return ReloadResult.Success(snapshot.Content.Entries.Count);
            }
            catch (GuideContentException e)
            {
                return ReloadResult.Failure(e.Errors);
            }
        }
    }

    internal RankedMatches Rank(string text) => _current.Index.Search(text);

    /// <summary>The second reader's reading of <paramref name="text"/> (evaluation, <c>ask</c>).</summary>
    internal GuideReading? Classify(string text) => _current.Classifier.Read(text);

    private static GuideResult Ask(string text, DecisionPolicy policy, Func<string, RankedMatches> rank, Func<string, GuideReading?> read, Snapshot snapshot)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GuideResult.NotSure.Instance;
        }

        if (snapshot.SmallTalk.MatchExact(text) is { } reply)
        {
            return new GuideResult.SmallTalk(reply);
        }

        // The index's outcome, read again with the second reader: 「活动结束后时长怎么登记上去」 is a question about
        // recording hours, not a list, and the reader knows how people ask it. When the index found nothing by content
        // words (most out-of-scope questions) there is nothing the reader could change, so it is not run.
        var ranked = rank(text);
        var decided = policy.Decide(ranked);
        var result = ranked.Candidates.Count > 0 ? policy.Reconsider(decided, ranked, read(text)) : decided;
        if (result is GuideResult.NotSure && snapshot.SmallTalk.MatchLoose(text) is { } looseReply)
        {
            return new GuideResult.SmallTalk(looseReply);
        }

        return result;
    }

    // Everything one load produces, swapped as a unit. An old snapshot is left to the GC rather than
    // disposed: a concurrent Ask may still be searching it, and a RAMDirectory holds no unmanaged resources.
    private sealed record Snapshot(GuideContent Content, GuideIndex Index, SmallTalkMatcher SmallTalk, IReadOnlyDictionary<string, GuideEntry> ById, GuideClassifier Classifier, GuideContent Files)
    {
        public static Snapshot Build(string directory, string? overlay, AnalysisProfile profile, GuideChanges changes)
        {
            var files = GuideLoader.Load(directory);
            var content = GuideLoader.Load(files, overlay, changes);
            return new Snapshot(
                content,
                GuideIndex.Build(content, profile),
                new SmallTalkMatcher(content.SmallTalk),
                content.Entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase),
                GuideClassifier.For(content),
                files);
        }
    }
}
