using ChatAssistant.Audit;
using ChatAssistant.Guide.Unanswered;
using ChatAssistant.Knowledge;
using ChatAssistant.Staff;

namespace ChatAssistant.Guide.Editing;

/// <summary>
/// <c>/api/staff/guide/…</c> of the console's guide desk: the unanswered questions grouped (attach one to an entry as a
/// phrasing, or dismiss it), the entries with their drafts and history (edit, write new, retire, discard), and — admins
/// only — publishing a draft. Every signed-in member drafts; every change is audited.
/// </summary>
public static class GuideDeskEndpoints
{
    public sealed record DraftRequest(string? Title, string? Answer, List<string>? Questions, List<string>? Tags, string? Source, bool IsNew = false, List<int>? FromQuestions = null);

    public sealed record AttachRequest(List<int>? Ids, string? EntryId, string? Phrasing);

    public sealed record DismissRequest(List<int>? Ids);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/entries", (GuideEditor editor, GuideLibrary guides) =>
        {
            var drafts = editor.Drafts().GroupBy(d => d.EntryId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.OrdinalIgnoreCase);
            var changed = GuideRevisions.Current(editor.AllRevisions()).Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var served = guides.Shared.Entries.Select(e => new EntryRow(e.Id, e.Title, e.File, e.Source, "served", changed.Contains(e.Id), drafts.GetValueOrDefault(e.Id)));
            var retired = editor.Retired().Select(r => new EntryRow(r.EntryId, r.Title, r.File, r.Source, "retired", true, drafts.GetValueOrDefault(r.EntryId)));
            var known = guides.Shared.Entries.Select(e => e.Id).Concat(editor.Retired().Select(r => r.EntryId)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fresh = editor.Drafts().Where(d => !known.Contains(d.EntryId)).Select(d => new EntryRow(d.EntryId, d.Title, d.File, d.Source, "new", false, d.Id));
            return Results.Ok(new { items = served.Concat(retired).Concat(fresh).ToList() });
        });
        group.MapGet("/entries/{id}", (string id, GuideEditor editor) =>
        {
            var history = editor.History(id);
            var served = editor.Served(id);
            if (served is null && history.Count == 0) return Results.NotFound(new { error = GuideEditTexts.NoSuchEntry });
            return Results.Ok(new { entry = served, draft = editor.DraftOf(id), history, retired = served is null && editor.Retired().Any(r => r.EntryId == id) });
        });
        group.MapPut("/entries/{id}/draft", (string id, DraftRequest request, HttpContext http, GuideEditor editor, UnansweredQuestions unanswered, AuditLog audit) =>
        {
            var fields = new GuideEntry(id.Trim(), request.Title ?? "", Clean(request.Questions), request.Answer ?? "", Clean(request.Tags), request.Source ?? "", "");
            var outcome = editor.SaveDraft(fields, request.IsNew, http.User.Actor(), request.FromQuestions is { Count: > 0 } ? "由未解答问题起草" : null);
            if (outcome.Kind == GuideEditOutcomeKind.Done && request.FromQuestions is { Count: > 0 } ids) Take(unanswered, audit, http, ids, "guide.unanswered.attached", id);
            return outcome.ToResult();
        });
        group.MapPost("/entries/{id}/retire", (string id, HttpContext http, GuideEditor editor) => editor.Retire(id, http.User.Actor()).ToResult());
        group.MapGet("/drafts", (GuideEditor editor) => Results.Ok(new { items = editor.Drafts() }));
        group.MapDelete("/drafts/{revision:int}", (int revision, HttpContext http, GuideEditor editor) => editor.Discard(revision, http.User.Actor()).ToResult());
        group.MapPost("/drafts/{revision:int}/publish", (int revision, HttpContext http, GuideEditor editor) => editor.Publish(revision, http.User.Actor()).ToResult())
            .RequireAuthorization(StaffAuthentication.AdminPolicy);

        group.MapGet("/unanswered", (UnansweredQuestions unanswered) => Results.Ok(new { items = unanswered.Groups() }));
        group.MapPost("/unanswered/attach", (AttachRequest request, HttpContext http, GuideEditor editor, UnansweredQuestions unanswered, AuditLog audit) =>
        {
            if (request.Ids is not { Count: > 0 } ids || unanswered.Find(ids).Count == 0) return Results.BadRequest(new { error = GuideEditTexts.NoQuestions });
            var outcome = editor.AddPhrasing(request.EntryId?.Trim() ?? "", request.Phrasing ?? "", http.User.Actor(), "加入未解答问题的问法");
            if (outcome.Kind == GuideEditOutcomeKind.Done) Take(unanswered, audit, http, ids, "guide.unanswered.attached", outcome.Revision!.EntryId);
            return outcome.ToResult();
        });
        group.MapPost("/unanswered/dismiss", (DismissRequest request, HttpContext http, UnansweredQuestions unanswered, AuditLog audit) =>
        {
            if (request.Ids is not { Count: > 0 } ids) return Results.BadRequest(new { error = GuideEditTexts.NoQuestions });
            var removed = Take(unanswered, audit, http, ids, "guide.unanswered.dismissed", null);
            return Results.Ok(new { removed });
        });
    }

    /// <summary>One line of the console's list of entries.</summary>
    public sealed record EntryRow(string Id, string Title, string File, string Source, string Status, bool Changed, int? DraftId);

    // The questions leave the list; the audit line says how many and where they went, never their text.
    private static int Take(UnansweredQuestions unanswered, AuditLog audit, HttpContext http, List<int> ids, string action, string? entryId)
    {
        var removed = unanswered.Remove(ids);
        audit.Record(http.User.Actor(), action, entryId is null ? "guide:unanswered" : GuideEditor.Subject(entryId), $"{removed} questions");
        return removed;
    }

    private static List<string> Clean(List<string>? items) => (items ?? []).Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).ToList();
}
