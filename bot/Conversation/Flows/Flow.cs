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
