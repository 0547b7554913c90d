namespace ChatAssistant.Operations;

/// <summary>Hand-offs opened in the period and those acknowledged within the limit; waiting now, and overdue among them.</summary>
public sealed record HandoffFigures(int Opened, int AcknowledgedInTime, int WaitingNow, int OverdueNow);
