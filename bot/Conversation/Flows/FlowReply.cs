namespace ChatAssistant.Conversation.Flows;

/// <summary>What the active flow made of the user's message (<see cref="FlowEngine.AnswerAsync"/>).</summary>
public sealed record FlowReply(FlowReplyKind Kind, string? Refusal = null)
{
    public static FlowReply Taken { get; } = new(FlowReplyKind.Taken);

    public static FlowReply Rerouted { get; } = new(FlowReplyKind.Rerouted);

    public static FlowReply Refused(string message) => new(FlowReplyKind.Refused, message);
}

public enum FlowReplyKind
{
    /// <summary>The flow took the message (an answer, or it replied and waits).</summary>
    Taken,

    /// <summary>The flow handed the message back as a new request and ended.</summary>
    Rerouted,

    /// <summary>
    /// The step did not take it; nothing was said or counted yet. The caller may find it is another request or a
    /// question, or give the refusal (<see cref="FlowEngine.RefuseAsync"/>).
    /// </summary>
    Refused,
}
