namespace ChatAssistant.Knowledge.Safety;

/// <summary>
/// One reviewed lexicon entry: the patterns (regular expressions over <see cref="SafetyText.Compact"/> text, after
/// everyday phrases are masked), the level and category a match means, and the messages it was reviewed with —
/// <see cref="Examples"/> must match it, <see cref="Not"/> must not — which the tests check entry by entry.
/// </summary>
public sealed record CrisisLexiconEntry(
    string Id,
    CrisisLevel Level,
    CrisisCategory? Category,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> Not);
