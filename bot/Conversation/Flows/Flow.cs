namespace ChatAssistant.Conversation.Flows;

/// <summary>
/// A conversation with a purpose (book a duty, file a request): an ordered list of steps that ask,
/// validate and act. Flows are singletons; everything per conversation lives in a <see cref="FlowFrame"/>.
/// </summary>
public abstract class Flow
{
    private IReadOnlyList<FlowStep>? _steps;

    /// <summary>Stable id, stored in conversation state.</summary>
    public abstract string Id { get; }

    /// <summary>Name users see, e.g. "值班预约" ("我们继续刚才的「值班预约」").</summary>
    public abstract string Title { get; }

    /// <summary>How many invalid answers to one question before the flow gives up.</summary>
    public virtual int MaxAttempts => 3;

    /// <summary>
    /// Whether the flow comes back when another one started on top of it ends. A pick-a-number list offered for
    /// a question does not: after the user went on to something else, being asked it again is noise.
    /// </summary>
    public virtual bool ResumesAfterInterruption => true;

    /// <summary>The steps, built once.</summary>
    public IReadOnlyList<FlowStep> Steps => _steps ??= BuildSteps();

    /// <summary>Builds the steps; called once per flow instance.</summary>
    protected abstract IReadOnlyList<FlowStep> BuildSteps();

    internal int IndexOf(string stepName)
    {
        for (var i = 0; i < Steps.Count; i++)
            if (Steps[i].Name == stepName) return i;
        throw new InvalidOperationException($"Flow '{Id}' has no step '{stepName}'.");
    }
}

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
