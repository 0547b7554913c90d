using ChatAssistant.Adapters.Coordination;
using ChatAssistant.Audit;
using ChatAssistant.Knowledge;
using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// Staff change the guide in the console: a draft per entry (a phrasing added from an unanswered question, an entry
/// edited, written new or retired), which an admin publishes. A draft is checked against the rules as it is saved, and
/// the whole guide with it is checked again before it is published; a published change is live at once here and on
/// every other instance (<see cref="GuideReloadSignal"/>, and <see cref="GuidePublishedWatch"/> for a signal missed).
/// Every change is audited (<c>guide.*</c>, subject <c>guide:ID</c>).
/// </summary>
public sealed class GuideEditor(GuideRevisions revisions, GuideLibrary guides, IClusterSignals signals, AuditLog audit, TimeProvider time)
{
    /// <summary>A new entry's file in an export.</summary>
    public const string NewEntriesFile = "console.yaml";

    // One edit at a time in this process: a draft is read, changed and written whole.
    private readonly Lock _gate = new();

    /// <summary>The entry as it is served now (null: none, or retired).</summary>
    public GuideEntry? Served(string id) => guides.Shared.Find(id);

    /// <summary>The open draft of an entry, if any (the newest, should two instances have made one each).</summary>
    public GuideRevision? DraftOf(string entryId) => Drafts().LastOrDefault(r => Same(r.EntryId, entryId));

    /// <summary>Every revision of every entry, oldest first.</summary>
    public IReadOnlyList<GuideRevision> AllRevisions() => revisions.All();

    /// <summary>Every open draft, oldest first.</summary>
    public IReadOnlyList<GuideRevision> Drafts() => revisions.All().Where(r => r.Status == GuideRevisionStatus.Draft).ToList();

    /// <summary>Every revision of an entry, oldest first.</summary>
    public IReadOnlyList<GuideRevision> History(string entryId) => revisions.All().Where(r => Same(r.EntryId, entryId)).ToList();

    /// <summary>Entries retired by a publish (not served; a draft may bring one back).</summary>
    public IReadOnlyList<GuideRevision> Retired() => GuideRevisions.Current(revisions.All()).Values.Where(r => r.Retired).OrderBy(r => r.EntryId).ToList();

    /// <summary>
    /// Adds <paramref name="phrasing"/> to the entry's questions in its draft (made from the served entry when there is
    /// none). A phrasing it already has changes nothing.
    /// </summary>
    public GuideEditOutcome AddPhrasing(string entryId, string phrasing, string actor, string note)
    {
        phrasing = phrasing.Trim();
        if (phrasing.Length == 0) return GuideEditOutcome.Invalid(GuideEditTexts.PhrasingEmpty);
        if (phrasing.Length > GuideEntryRules.QuestionMax) return GuideEditOutcome.Invalid($"每种问法 1 到 {GuideEntryRules.QuestionMax} 个字。");
        lock (_gate)
        {
            var draft = DraftOf(entryId);
            if (draft is null)
            {
                if (Served(entryId) is not { } entry) return GuideEditOutcome.NotFound(GuideEditTexts.NoSuchEntry);
                draft = GuideRevision.DraftOf(entry, BasedOn(entry.Id));
            }
            if (!draft.Questions.Contains(phrasing, StringComparer.OrdinalIgnoreCase)) draft.Questions.Add(phrasing);
            return Save(draft, actor, "guide.phrasing.added", note);
        }
    }

    /// <summary>
    /// Saves <paramref name="fields"/> as the entry's draft: an existing entry's (edited), or a new one's when
    /// <paramref name="isNew"/> (its id must be free). Refused with the rules it breaks.
    /// </summary>
    public GuideEditOutcome SaveDraft(GuideEntry fields, bool isNew, string actor, string? note = null)
    {
        var problems = GuideEntryRules.Problems(fields);
        if (problems.Count > 0) return GuideEditOutcome.Invalid(problems);
        lock (_gate)
        {
            var draft = DraftOf(fields.Id);
            var served = Served(fields.Id);
            if (isNew && (served is not null || draft is not null || History(fields.Id).Count > 0 || guides.Shared.FileEntries().Any(e => Same(e.Id, fields.Id))))
                return GuideEditOutcome.Conflict(GuideEditTexts.EntryExists);
            if (!isNew && draft is null && served is null && !Retired().Any(r => Same(r.EntryId, fields.Id)))
                return GuideEditOutcome.NotFound(GuideEditTexts.NoSuchEntry);
            draft ??= GuideRevision.DraftOf(fields with { File = served?.File ?? FileOf(fields.Id) }, BasedOn(fields.Id));
            draft.Title = fields.Title.Trim();
            draft.Answer = fields.Answer.Trim();
            draft.Questions = fields.Questions.Select(q => q.Trim()).ToList();
            draft.Tags = fields.Tags.Select(t => t.Trim()).ToList();
            draft.Source = fields.Source.Trim();
            draft.Retired = false;
            return Save(draft, actor, isNew ? "guide.entry.drafted" : "guide.draft.saved", note);
        }
    }

    /// <summary>A draft that takes the entry out of the guide when published.</summary>
    public GuideEditOutcome Retire(string entryId, string actor)
    {
        lock (_gate)
        {
            if (Served(entryId) is not { } entry) return GuideEditOutcome.NotFound(GuideEditTexts.NoSuchEntry);
            var draft = DraftOf(entryId) ?? GuideRevision.DraftOf(entry, BasedOn(entryId));
            draft.Retired = true;
            return Save(draft, actor, "guide.retire.drafted", null);
        }
    }

    /// <summary>Drops a draft; the served entry stays as it is.</summary>
    public GuideEditOutcome Discard(int revisionId, string actor)
    {
        lock (_gate)
        {
            if (revisions.Get(revisionId) is not { Status: GuideRevisionStatus.Draft } draft) return GuideEditOutcome.NotFound(GuideEditTexts.NoSuchDraft);
            draft.Status = GuideRevisionStatus.Discarded;
            draft.UpdatedAt = time.GetUtcNow();
            revisions.Update(draft);
            audit.Record(actor, "guide.draft.discarded", Subject(draft.EntryId), $"revision {draft.Id}");
            return GuideEditOutcome.Done(draft);
        }
    }

    /// <summary>
    /// Publishes a draft (admins): refused when the entry was published again since the draft was written, or when the
    /// guide with it would not load; otherwise it is served here at once and the other instances are told.
    /// </summary>
    public GuideEditOutcome Publish(int revisionId, string actor)
    {
        lock (_gate)
        {
            if (revisions.Get(revisionId) is not { Status: GuideRevisionStatus.Draft } draft) return GuideEditOutcome.NotFound(GuideEditTexts.NoSuchDraft);
            if (draft.BasedOn != BasedOn(draft.EntryId)) return GuideEditOutcome.Conflict(GuideEditTexts.Overtaken);
            var now = time.GetUtcNow();
            draft.Status = GuideRevisionStatus.Published;
            draft.PublishedBy = actor;
            draft.PublishedAt = now;
            var problems = Check([.. revisions.All().Where(r => r.Id != draft.Id), draft]);
            if (problems.Count > 0) return GuideEditOutcome.Invalid(problems);
            draft.UpdatedAt = now;
            revisions.Update(draft);
            audit.Record(actor, draft.Retired ? "guide.retired" : "guide.published", Subject(draft.EntryId), $"revision {draft.Id}");
            GuideReloadSignal.ReloadEverywhere(guides, signals);
            return GuideEditOutcome.Done(draft);
        }
    }

    /// <summary>
    /// Publishes every entry of <paramref name="entries"/> that differs from the one served (an import of reviewed YAML
    /// files); entries it does not name are left as they are. All or nothing: the first problem refuses the lot.
    /// Returns the revisions published.
    /// </summary>
    public (IReadOnlyList<GuideRevision> Published, IReadOnlyList<string> Problems) Import(IReadOnlyList<GuideEntry> entries, string actor)
    {
        var problems = entries.SelectMany(e => GuideEntryRules.Problems(e).Select(p => $"{e.Id}: {p}")).ToList();
        if (problems.Count > 0) return ([], problems);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var changed = entries
                .Where(e => Served(e.Id) is not { } served || !GuideEntryText.Same(served, e))
                .Select(e => GuideRevision.DraftOf(e with { File = Served(e.Id)?.File ?? FileOf(e.Id) }, BasedOn(e.Id)))
                .ToList();
            foreach (var revision in changed)
            {
                revision.Status = GuideRevisionStatus.Published;
                revision.Author = revision.PublishedBy = actor;
                revision.CreatedAt = revision.UpdatedAt = now;
                revision.PublishedAt = now;
                revision.Note = "导入";
            }
            problems = Check([.. revisions.All(), .. changed]).ToList();
            if (problems.Count > 0) return ([], problems);
            foreach (var revision in changed)
            {
                revisions.Add(revision);
                audit.Record(actor, "guide.imported", Subject(revision.EntryId), $"revision {revision.Id}");
            }
            if (changed.Count > 0) GuideReloadSignal.ReloadEverywhere(guides, signals);
            return (changed, []);
        }
    }

    private GuideEditOutcome Save(GuideRevision draft, string actor, string action, string? note)
    {
        var now = time.GetUtcNow();
        draft.UpdatedAt = now;
        draft.Note = note ?? draft.Note;
        if (!draft.Retired && GuideEntryRules.Problems(draft.ToEntry()) is { Count: > 0 } problems) return GuideEditOutcome.Invalid(problems);
        if (draft.Id == 0)
        {
            draft.Author = actor;
            draft.CreatedAt = now;
            revisions.Add(draft);
        }
        else revisions.Update(draft);
        audit.Record(actor, action, Subject(draft.EntryId), $"revision {draft.Id}");
        return GuideEditOutcome.Done(draft);
    }

    // The content errors every served guide would have with these revisions (each account's overlay too).
    private List<string> Check(IReadOnlyList<GuideRevision> all)
    {
        var changes = GuideRevisions.Changes(all);
        return guides.All.SelectMany(g => g.Check(changes)).Select(e => e.EntryId is null ? e.Message : $"{e.EntryId}: {e.Message}").Distinct().ToList();
    }

    // The published revision an entry is at now (0: its content file's version, or none).
    private int BasedOn(string entryId) => GuideRevisions.Current(revisions.All()).TryGetValue(entryId, out var current) ? current.Id : 0;

    private string FileOf(string entryId) =>
        guides.Shared.FileEntries().FirstOrDefault(e => Same(e.Id, entryId))?.File ?? NewEntriesFile;

    public static string Subject(string entryId) => "guide:" + entryId;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
