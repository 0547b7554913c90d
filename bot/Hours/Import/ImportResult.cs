namespace ChatAssistant.Hours.Import;

/// <summary>What an import did. When <see cref="Ok"/> is false nothing was stored.</summary>
public sealed record ImportResult(
    bool Ok,
    string ImportId,
    int Added,
    int Skipped,
    int Flagged,
    IReadOnlyList<LineError> Errors,
    IReadOnlyList<FlagReport> Flags,
    IReadOnlyList<LineError> Warnings);
