namespace ChatAssistant.Hours;

/// <summary>The outcome of a staff decision, with the message staff read when it did not happen.</summary>
public sealed record Decision(DecisionOutcome Outcome, string Message = "");
