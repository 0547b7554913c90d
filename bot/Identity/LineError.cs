namespace ChatAssistant.Identity;

/// <summary>One rejected line of an import.</summary>
public sealed record LineError(int Line, string Message);
