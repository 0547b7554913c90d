namespace ChatAssistant.Knowledge.Content;

/// <summary>Everything loaded from a content directory, validated.</summary>
/// <param name="Examples">
/// Questions as users asked them, each filed under the entry that answers it (the <c>examples*.yaml</c> files): they
/// teach the second reader (<see cref="Retrieval.GuideClassifier"/>) how people really ask, and are not indexed as
/// phrasings, so a word they happen to share with an unrelated question never puts an entry in a list.
/// </param>
internal sealed record GuideContent(
    IReadOnlyList<GuideEntry> Entries,
    IReadOnlyList<SmallTalkIntent> SmallTalk,
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyList<GuideExample> Examples)
{
    /// <summary>
    /// Messages the guide does not cover (the <c>not-covered*.yaml</c> files): the second reader learns them as a class of
    /// their own, so that it names no entry for a question about 社保 or a game's 积分.
    /// </summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];
}

/// <summary>One question as a user asked it, the entry that answers it, and where it was read (for errors).</summary>
internal sealed record GuideExample(string EntryId, string Question, string File, long Line);
