using ChatAssistant.Knowledge.Content;

namespace ChatAssistant.Knowledge;

/// <summary>Outcome of <see cref="KnowledgeBase.Reload"/>: the new entry count, or the errors that kept the old index serving.</summary>
public sealed record ReloadResult(bool Succeeded, int EntryCount, IReadOnlyList<GuideContentError> Errors)
{
    internal static ReloadResult Success(int entryCount) => new(true, entryCount, []);

    internal static ReloadResult Failure(IReadOnlyList<GuideContentError> errors) => new(false, 0, errors);
}
