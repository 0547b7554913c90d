namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// One step. A step with a <see cref="Prompt"/> asks and waits for the user's answer, which
/// <see cref="Handle"/> receives; a step without one is an action that runs at once (input null).
/// </summary>
public sealed class FlowStep
{
    public required string Name { get; init; }

    public Func<FlowContext, CancellationToken, Task>? Prompt { get; init; }

    public required Func<FlowContext, string?, CancellationToken, Task<StepResult>> Handle { get; init; }

    /// <summary>
    /// A 是/否 question: a "no" the user gives here ("算了", "不要了") is its answer, not the global 取消, so the
    /// step's own refusal text (e.g. the hotlines when a help request is declined) is what the user reads.
    /// </summary>
    public bool AnswersYesNo { get; init; }

    /// <summary>
    /// The answer is the user's account of what happened (a help request's description), checked by a validator that
    /// only stores it: it may well speak of distress or danger, so such words are the answer (kept quietly when a
    /// crisis interrupts, <see cref="FlowEngine.TryKeepAnswerAsync"/>), not a reason for a gentle check.
    /// </summary>
    public bool IsAccount { get; init; }
}
