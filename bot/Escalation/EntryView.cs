namespace ChatAssistant.Escalation;

/// <summary>One transcript line or note as the console shows it.</summary>
public sealed record EntryView(string Kind, DateTimeOffset At, string Text, string? StaffName, bool? Delivered, string? ErrorCode, string? FailureReason, bool SelfService);
