namespace ChatAssistant.Hours;

/// <summary>How a staff decision went.</summary>
public enum DecisionOutcome
{
    Done,
    NotFound,
    ReasonRequired,

    /// <summary>The record or order is not in a state that allows the decision (already decided).</summary>
    Conflict,
}
