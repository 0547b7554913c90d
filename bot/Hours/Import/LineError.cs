namespace ChatAssistant.Hours.Import;

/// <summary>A problem with one line of an import file; line 1 is the header.</summary>
public sealed record LineError(int Line, string Message);
