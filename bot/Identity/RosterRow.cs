namespace ChatAssistant.Identity;

/// <summary>A valid roster row.</summary>
public sealed record RosterRow(int Line, string MemberId, string Name, string District, string? Phone);
