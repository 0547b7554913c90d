namespace ChatAssistant.Conversation.Flows;

/// <summary>What a step decided: go on, jump, ask again, finish, or hand over to another flow.</summary>
public sealed record StepResult
{
    private StepResult(StepOutcome outcome) => Outcome = outcome;

    public StepOutcome Outcome { get; }

    /// <summary>Step to jump to (GoTo) or flow to switch to (Switch).</summary>
    public string? Target { get; private init; }

    /// <summary>Message for a re-prompt.</summary>
    public string? Message { get; private init; }

    /// <summary>Slots handed to the flow switched to.</summary>
    public IReadOnlyDictionary<string, string>? Slots { get; private init; }

    public static StepResult Next() => new(StepOutcome.Next);

    public static StepResult GoTo(string step) => new(StepOutcome.GoTo) { Target = step };

    /// <summary>The answer was not usable: say why (and what to type); the question stands.</summary>
    public static StepResult Retry(string message) => new(StepOutcome.Retry) { Message = message };

    /// <summary>Stay on this step without counting a failure (the step already replied).</summary>
    public static StepResult Wait() => new(StepOutcome.Wait);

    public static StepResult End() => new(StepOutcome.End);

    /// <summary>The input was not an answer but a new request: end this flow and route the input afresh.</summary>
    public static StepResult Reroute() => new(StepOutcome.Reroute);

    public static StepResult Switch(string flowId, IReadOnlyDictionary<string, string>? slots = null) =>
        new(StepOutcome.Switch) { Target = flowId, Slots = slots };
}
