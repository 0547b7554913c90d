namespace ChatAssistant.Hours.Import;

/// <summary>A record that an integrity rule flagged during an import.</summary>
public sealed record FlagReport(int Line, string RecordId, string Rule, string Reason);
