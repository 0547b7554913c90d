namespace ChatAssistant.Identity;

/// <summary>The outcome of a roster import: all lines or none.</summary>
public sealed record RosterImportResult(bool Ok, int Added, int Updated, IReadOnlyList<LineError> Errors);
