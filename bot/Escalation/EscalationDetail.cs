namespace ChatAssistant.Escalation;

/// <summary>An escalation with its transcript and notes.</summary>
public sealed record EscalationDetail(EscalationSummary Summary, IReadOnlyList<EntryView> Transcript, IReadOnlyList<EntryView> Notes);
